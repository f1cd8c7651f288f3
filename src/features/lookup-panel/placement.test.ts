import { describe, expect, it } from "vitest"

import { avoiding, defaultPlacement, EDGE_MARGIN, moveBy, overlaps, parseSitePanelState, placementOf, positionIn, tabPosition } from "./placement"

const viewport = { width: 1280, height: 720 }
const badge = { width: 48, height: 48 }
const panel = { width: 360, height: 500 }

describe("panel placement", () => {
  const DEFAULT = defaultPlacement(viewport)

  it("puts the default badge on the right edge at mid-height, clear of the top bar, the toolbars and the bottom corner", () => {
    expect(positionIn(DEFAULT, badge, viewport)).toEqual({ left: 1280 - 48 - 12, top: 360 })
  })

  it("grows the open panel down from its place, and a tall one (70 % of the height) stays out of the top 30 %", () => {
    const at = positionIn(DEFAULT, panel, viewport)
    expect(at.left + panel.width).toBe(1280 - 12)
    expect(at.top).toBe(720 - 500 - EDGE_MARGIN)
    const tall = { width: 360, height: 0.7 * 720 }
    expect(positionIn(DEFAULT, tall, viewport).top).toBeGreaterThanOrEqual(0.3 * 720 - EDGE_MARGIN)
  })

  it("puts a webmail's slim tab flush against the right edge, centred on mid-height, whole inside a short window", () => {
    const tab = { width: 28, height: 180 }
    expect(tabPosition(tab, viewport)).toEqual({ left: 1280 - 28, top: 360 - 90 })
    expect(tabPosition(tab, { width: 1280, height: 150 }).top).toBe(EDGE_MARGIN)
  })

  it("keeps the panel whole inside a viewport made smaller", () => {
    const far = { h: "left" as const, x: 1100, v: "top" as const, y: 650 }
    const small = { width: 800, height: 600 }
    expect(positionIn(far, panel, small)).toEqual({ left: 800 - 360 - EDGE_MARGIN, top: 600 - 500 - EDGE_MARGIN })
  })

  it("shows the top left corner (the header) when the viewport is smaller than the panel", () => {
    expect(positionIn(DEFAULT, panel, { width: 300, height: 400 })).toEqual({ left: EDGE_MARGIN, top: EDGE_MARGIN })
  })

  it("anchors a dropped panel to the nearest corner, so a resize keeps it beside that corner", () => {
    const dropped = placementOf({ left: 100, top: 600, width: 48, height: 48 }, viewport)
    expect(dropped).toEqual({ h: "left", x: 100, v: "bottom", y: 720 - 600 - 48 })
    const wider = { width: 1600, height: 900 }
    expect(positionIn(dropped, badge, wider)).toEqual({ left: 100, top: 900 - 72 - 48 })
    expect(placementOf({ left: 1000, top: 40, width: 48, height: 48 }, viewport)).toEqual({ h: "right", x: 232, v: "top", y: 40 })
  })

  it("clamps a drop past the edge back inside the viewport", () => {
    expect(placementOf({ left: -300, top: 5000, width: 48, height: 48 }, viewport)).toEqual({ h: "left", x: EDGE_MARGIN, v: "bottom", y: EDGE_MARGIN })
  })

  it("moves by keyboard steps and stops at the edges", () => {
    const up = moveBy(DEFAULT, badge, viewport, 0, -16)
    expect(positionIn(up, badge, viewport).top).toBe(360 - 16)
    let p = DEFAULT
    for (let i = 0; i < 200; i++) p = moveBy(p, badge, viewport, 80, 80)
    expect(positionIn(p, badge, viewport)).toEqual({ left: 1280 - 48 - EDGE_MARGIN, top: 720 - 48 - EDGE_MARGIN })
  })

  it("moves the badge off a field the user types in: above it when there is room, else below, else beside", () => {
    const b = { left: 1212, top: 652, width: 48, height: 48 }
    const footerField = { left: 900, top: 640, width: 380, height: 40 }
    const above = avoiding(b, footerField, viewport)
    expect(above).toEqual({ left: 1212, top: 640 - 48 - EDGE_MARGIN })
    expect(overlaps({ ...b, ...above }, footerField)).toBe(false)

    const topBadge = { left: 1212, top: 10, width: 48, height: 48 }
    const headerField = { left: 1000, top: 8, width: 280, height: 36 }
    expect(avoiding(topBadge, headerField, viewport)).toEqual({ left: 1212, top: 8 + 36 + EDGE_MARGIN })

    const tallField = { left: 1100, top: 0, width: 180, height: 720 }
    expect(avoiding(b, tallField, viewport)).toEqual({ left: 1100 - 48 - EDGE_MARGIN, top: 652 })

    const clear = { left: 0, top: 0, width: 200, height: 30 }
    expect(avoiding(b, clear, viewport)).toEqual({ left: 1212, top: 652 })
  })

  it("reads a site's stored state as untrusted: anything malformed is ignored", () => {
    expect(parseSitePanelState({ collapsed: true, placement: { h: "left", x: 10, v: "top", y: 20 } })).toEqual({
      collapsed: true,
      placement: { h: "left", x: 10, v: "top", y: 20 }
    })
    expect(parseSitePanelState({ collapsed: "yes", placement: { h: "middle", x: 1, v: "top", y: 2 } })).toEqual({ collapsed: null, placement: null })
    expect(parseSitePanelState({ placement: { h: "left", x: Number.NaN, v: "top", y: 2 } }).placement).toBeNull()
    expect(parseSitePanelState(undefined)).toEqual({ collapsed: null, placement: null })
  })
})
