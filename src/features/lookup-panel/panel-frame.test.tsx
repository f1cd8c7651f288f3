// @vitest-environment jsdom
import { act, cleanup, render } from "@testing-library/react"
import { useRef } from "react"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import { useElementSize } from "./panel-frame"

afterEach(cleanup)

// jsdom lays nothing out: the box's size is read from its data-width, and the observer never reports (as in a browser
// before the frame is painted).
beforeEach(() => {
  vi.stubGlobal(
    "ResizeObserver",
    class {
      observe() {}
      disconnect() {}
    }
  )
  vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockImplementation(function (this: HTMLElement) {
    const width = Number(this.dataset.width ?? 0)
    return { x: 0, y: 0, left: 0, top: 0, width, height: width, right: width, bottom: width, toJSON: () => ({}) } as DOMRect
  })
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

/** The size it was placed with is written on it, as the browser would paint it. */
function Box({ width, shape }: { width: number; shape: string }) {
  const ref = useRef<HTMLDivElement>(null)
  const size = useElementSize(ref, { width: 1, height: 1 })
  return <div ref={ref} data-shape={shape} data-width={width} data-size={size.width} />
}

describe("the panel frame's size", () => {
  it("is the panel's as soon as the badge opens into it, before the browser paints, without the observer", () => {
    const { container, rerender } = render(<Box width={44} shape="badge" />)
    expect(container.querySelector("div")?.dataset.size).toBe("44")
    act(() => rerender(<Box width={360} shape="open" />))
    expect(container.querySelector("div")?.dataset.size).toBe("360")
  })
})
