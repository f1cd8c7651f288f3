/**
 * Where the in-page panel sits: pure maths, no DOM (unit-tested in placement.test.ts).
 *
 * A placement is kept relative to the nearest corner of the viewport (right/bottom offsets for a panel the user
 * left near the bottom right), so a window resize keeps it beside the same corner instead of pushing it off
 * screen, and a badge that grows into the open panel grows away from that corner.
 */
export interface Placement {
  h: "left" | "right"
  /** Distance from the `h` edge of the viewport, px. */
  x: number
  v: "top" | "bottom"
  /** Distance from the `v` edge of the viewport, px. */
  y: number
}

export interface Size {
  width: number
  height: number
}

export interface Rect {
  left: number
  top: number
  width: number
  height: number
}

/** Kept free between the panel and the viewport's edges (a page's own scrollbar is at the right edge). */
export const EDGE_MARGIN = 8

/**
 * The right edge, at mid-height, like the sales extensions' side tabs (Lusha, Kaspr): web apps keep their actions in
 * the top bar and at the top right of their toolbars (Edit, Import, a message's reply buttons), and their save bars,
 * compose boxes and chat widgets in the bottom right corner; the middle of the right edge is the least used place.
 * Anchored to the top at half the height, an open panel grows downwards and, clamped into the viewport with at
 * most 70 % of its height, never reaches the top 30 %.
 */
export function defaultPlacement(viewport: Size): Placement {
  return { h: "right", x: 12, v: "top", y: Math.round(viewport.height / 2) }
}

/**
 * Where the slim tab of a webmail sits until the user moves it: flush against the right edge, centred on mid-height.
 * The reading pane fills the right of a webmail's window, its lines ending a scrollbar and a margin short of the
 * edge: a tab of a few pixels more than that covers the scrollbar and the margin, not the message.
 */
export function tabPosition(size: Size, viewport: Size): { left: number; top: number } {
  return {
    left: Math.max(0, viewport.width - size.width),
    top: clamp(Math.round(viewport.height / 2 - size.height / 2), EDGE_MARGIN, viewport.height - size.height - EDGE_MARGIN)
  }
}

/** One arrow key press moves the panel this far; with Shift, `KEY_STEP_LARGE`. */
export const KEY_STEP = 16
export const KEY_STEP_LARGE = 80

function clamp(value: number, min: number, max: number): number {
  // A viewport smaller than the panel: stick to the start (top or left), where the header and its buttons are.
  if (max < min) return min
  return Math.min(Math.max(value, min), max)
}

/** The top-left corner of a panel of `size` placed at `p`, kept whole inside the viewport. */
export function positionIn(p: Placement, size: Size, viewport: Size): { left: number; top: number } {
  const left = p.h === "left" ? p.x : viewport.width - size.width - p.x
  const top = p.v === "top" ? p.y : viewport.height - size.height - p.y
  return {
    left: clamp(left, EDGE_MARGIN, viewport.width - size.width - EDGE_MARGIN),
    top: clamp(top, EDGE_MARGIN, viewport.height - size.height - EDGE_MARGIN)
  }
}

/** The placement of a panel whose box is `rect` (after a drag), anchored to the corner nearest its centre. */
export function placementOf(rect: Rect, viewport: Size): Placement {
  const at = positionIn({ h: "left", x: rect.left, v: "top", y: rect.top }, rect, viewport)
  const h = at.left + rect.width / 2 <= viewport.width / 2 ? "left" : "right"
  const v = at.top + rect.height / 2 <= viewport.height / 2 ? "top" : "bottom"
  return {
    h,
    x: Math.round(h === "left" ? at.left : viewport.width - at.left - rect.width),
    v,
    y: Math.round(v === "top" ? at.top : viewport.height - at.top - rect.height)
  }
}

/** The panel moved by (dx, dy) px from where it is shown now. */
export function moveBy(p: Placement, size: Size, viewport: Size, dx: number, dy: number): Placement {
  const at = positionIn(p, size, viewport)
  return placementOf({ left: at.left + dx, top: at.top + dy, width: size.width, height: size.height }, viewport)
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height
}

/**
 * Where to show the badge while the user types in `field`: where it is if it does not cover the field, else just
 * above or just below the field (whichever has room, nearest first), else beside it. Never stored: once the
 * field loses focus the badge goes back to the user's place.
 */
export function avoiding(badge: Rect, field: Rect, viewport: Size): { left: number; top: number } {
  if (!overlaps(badge, field)) return { left: badge.left, top: badge.top }
  const gap = EDGE_MARGIN
  const fits = (top: number, left: number) =>
    top >= EDGE_MARGIN && top + badge.height <= viewport.height - EDGE_MARGIN && left >= EDGE_MARGIN && left + badge.width <= viewport.width - EDGE_MARGIN
  const above = field.top - badge.height - gap
  const below = field.top + field.height + gap
  const vertical = [above, below]
    .filter((top) => fits(top, badge.left))
    .sort((a, b) => Math.abs(a - badge.top) - Math.abs(b - badge.top))
  if (vertical.length > 0) return { left: badge.left, top: vertical[0]! }
  const leftOf = field.left - badge.width - gap
  const rightOf = field.left + field.width + gap
  const horizontal = [leftOf, rightOf].filter((left) => fits(badge.top, left)).sort((a, b) => Math.abs(a - badge.left) - Math.abs(b - badge.left))
  if (horizontal.length > 0) return { left: horizontal[0]!, top: badge.top }
  // A field as large as the viewport: nowhere to go, the badge stays (it is small).
  return { left: badge.left, top: badge.top }
}

/** What the panel remembers for one site (origin). */
export interface SitePanelState {
  placement: Placement | null
  collapsed: boolean | null
}

const finite = (n: unknown): n is number => typeof n === "number" && Number.isFinite(n) && Math.abs(n) < 100_000

/** Storage is the page's neighbour (content scripts can write it): read it as untrusted. */
export function parseSitePanelState(raw: unknown): SitePanelState {
  const out: SitePanelState = { placement: null, collapsed: null }
  if (typeof raw !== "object" || raw === null) return out
  const r = raw as Record<string, unknown>
  if (typeof r.collapsed === "boolean") out.collapsed = r.collapsed
  const p = r.placement as Record<string, unknown> | null | undefined
  if (typeof p === "object" && p !== null && (p.h === "left" || p.h === "right") && (p.v === "top" || p.v === "bottom") && finite(p.x) && finite(p.y)) {
    out.placement = { h: p.h, x: p.x, v: p.v, y: p.y }
  }
  return out
}

/** Storage key of one site's panel state: one key per origin, so two tabs of two sites never overwrite each other. */
export function sitePanelKey(origin: string): string {
  return `panelUi.site:${origin}`
}
