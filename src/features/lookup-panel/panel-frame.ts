import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type RefObject } from "react"

import {
  avoiding,
  defaultPlacement,
  KEY_STEP,
  KEY_STEP_LARGE,
  moveBy,
  overlaps,
  parseSitePanelState,
  placementOf,
  positionIn,
  sitePanelKey,
  tabPosition,
  type Placement,
  type Rect,
  type SitePanelState,
  type Size
} from "./placement"

/** Before the state was kept per site, one collapsed flag for all sites: still honoured where a site has none. */
const LEGACY_COLLAPSED_KEY = "panelCollapsed"
/** A press that moves less than this is a click (the badge opens), not a drag. */
const DRAG_THRESHOLD_PX = 4

/**
 * The panel's placement and collapsed state for this site (origin), in chrome.storage.local. `loaded` is false until
 * the stored state arrived: the panel stays invisible until then rather than jump from the default corner. A
 * change made before the stored state arrived (the shortcut pressed as the page loads) is not undone by it.
 */
export function useSitePanelState(origin: string) {
  const key = sitePanelKey(origin)
  const [state, setState] = useState<SitePanelState>({ placement: null, collapsed: null })
  const [loaded, setLoaded] = useState(false)
  const current = useRef(state)
  const touched = useRef({ placement: false, collapsed: false })

  useEffect(() => {
    let live = true
    void chrome.storage.local
      .get([key, LEGACY_COLLAPSED_KEY])
      .then((r) => {
        if (!live) return
        const stored = parseSitePanelState(r[key])
        const next: SitePanelState = {
          placement: touched.current.placement ? current.current.placement : stored.placement,
          collapsed: touched.current.collapsed ? current.current.collapsed : (stored.collapsed ?? (r[LEGACY_COLLAPSED_KEY] === true ? true : null))
        }
        current.current = next
        setState(next)
      })
      .catch(() => undefined)
      .finally(() => live && setLoaded(true))
    return () => {
      live = false
    }
  }, [key])

  const update = useCallback(
    (patch: Partial<SitePanelState>) => {
      if ("placement" in patch) touched.current.placement = true
      if ("collapsed" in patch) touched.current.collapsed = true
      const next = { ...current.current, ...patch }
      current.current = next
      setState(next)
      void chrome.storage.local.set({ [key]: next }).catch(() => undefined)
    },
    [key]
  )
  return { ...state, loaded, update }
}

/** The viewport a fixed element lives in (without the page's scrollbars). */
export function viewportSize(): Size {
  const el = document.documentElement
  return { width: el.clientWidth || window.innerWidth, height: el.clientHeight || window.innerHeight }
}

export function useViewport(): Size {
  const [size, setSize] = useState(viewportSize)
  useEffect(() => {
    const onResize = () => setSize(viewportSize())
    window.addEventListener("resize", onResize)
    return () => window.removeEventListener("resize", onResize)
  }, [])
  return size
}

/**
 * The rendered size of an element, kept current (the badge growing into the panel, cards arriving). It is measured
 * after a render that changed its shape, before the browser paints: the badge opening into the 360 px panel is
 * placed with the panel's size in the same frame. The observer alone reported it only after that frame was painted with the badge's size,
 * the panel standing at the badge's place, mostly outside the window, until React re-rendered (up to 0.9 s later on
 * a busy page). The observer still follows changes no render makes (fonts loading, the window's width).
 */
export function useElementSize(ref: RefObject<HTMLElement | null>, fallback: Size): Size {
  const [size, setSize] = useState<Size>(fallback)
  const measure = useCallback(() => {
    const el = ref.current
    if (!el) return
    const r = el.getBoundingClientRect()
    setSize((s) => (s.width === r.width && s.height === r.height ? s : { width: r.width, height: r.height }))
  }, [ref])
  // After a render that changed the element's shape (its data-shape: badge, tab, open) only: measured after every
  // render, the panel was lost in 8 end-to-end tests (most likely a render loop, a size that moves the element and
  // a move that changes its size); a shape changes only with the user's or the page's action.
  const shape = useRef<string | undefined>(undefined)
  useLayoutEffect(() => {
    const now = ref.current?.dataset.shape
    if (now === shape.current) return
    shape.current = now
    measure()
  })
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => observer.disconnect()
  }, [ref, measure])
  return size
}

const TEXT_INPUTS = new Set(["", "text", "search", "email", "tel", "url", "password", "number", "date", "datetime-local", "month", "week", "time"])

function isTypingField(el: Element): boolean {
  if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled
  if (el instanceof HTMLInputElement) return TEXT_INPUTS.has(el.type) && !el.readOnly && !el.disabled
  return el instanceof HTMLElement && el.isContentEditable
}

/**
 * The box of the page's field the user is typing in (input, text area, editable area), or null. Our own panel's
 * fields are in our shadow root: events from there reach the page retargeted to the host, which is skipped.
 */
export function useTypingField(hostId: string): Rect | null {
  const [field, setField] = useState<Rect | null>(null)
  useEffect(() => {
    const boxOf = (el: Element): Rect => {
      const r = el.getBoundingClientRect()
      return { left: r.left, top: r.top, width: r.width, height: r.height }
    }
    let focused: Element | null = null
    const onFocusIn = (e: FocusEvent) => {
      // The real target, also inside a page's own web components; our panel's fields have our host on their path.
      const path = e.composedPath()
      const target = path[0]
      const host = document.getElementById(hostId)
      if (!(target instanceof Element) || (host && path.includes(host))) return
      if (!isTypingField(target)) return
      focused = target
      setField(boxOf(target))
    }
    const onFocusOut = () => {
      // Where focus went is known only after the event: another field, our panel, or nowhere.
      setTimeout(() => {
        const active = document.activeElement
        if (focused && active !== focused && !(active && isTypingField(active) && active.id !== hostId)) {
          focused = null
          setField(null)
        }
      }, 0)
    }
    // A field that moves (the page scrolls, a compose box grows) is followed.
    const onScroll = () => {
      if (focused) setField(boxOf(focused))
    }
    document.addEventListener("focusin", onFocusIn, true)
    document.addEventListener("focusout", onFocusOut, true)
    window.addEventListener("scroll", onScroll, { capture: true, passive: true })
    return () => {
      document.removeEventListener("focusin", onFocusIn, true)
      document.removeEventListener("focusout", onFocusOut, true)
      window.removeEventListener("scroll", onScroll, true)
    }
  }, [hostId])
  return field
}

export interface FrameLayout {
  /** The panel gives way to a field the user types in: shown as the badge while it has focus. */
  yielding: boolean
  style: { left: number; top: number; visibility?: "hidden" }
}

/**
 * Where the panel is drawn: the user's placement (or the default corner) kept inside the viewport; while the user
 * types in a field the open panel would cover, the badge instead, moved off that field if it covers it.
 */
export function layoutFrame(args: {
  placement: Placement | null
  open: boolean
  size: Size
  openSize: Size
  viewport: Size
  typingField: Rect | null
  dragAt: { left: number; top: number } | null
  /** Collapsed to a webmail's slim tab: at the right edge (tabPosition) until the user places it. */
  tab?: boolean
}): FrameLayout {
  const placement = args.placement ?? defaultPlacement(args.viewport)
  if (args.dragAt) return { yielding: false, style: args.dragAt }
  let yielding = false
  if (args.open && args.typingField) {
    const openAt = positionIn(placement, args.openSize, args.viewport)
    yielding = overlaps({ ...openAt, ...args.openSize }, args.typingField)
  }
  const at = args.tab && !args.open && args.placement === null ? tabPosition(args.size, args.viewport) : positionIn(placement, args.size, args.viewport)
  if (args.typingField && (yielding || !args.open)) {
    return { yielding, style: avoiding({ ...at, ...args.size }, args.typingField, args.viewport) }
  }
  return { yielding, style: at }
}

/**
 * Drag by a handle (the header, the badge) with the pointer, and move with the arrow keys (Shift: larger steps,
 * Home: back to the default corner). `consumeClick` tells a click that ended a drag from a real click.
 */
export function useDragToMove(args: {
  frameRef: RefObject<HTMLElement | null>
  placement: Placement | null
  size: Size
  viewport: Size
  onPlace: (p: Placement | null) => void
  /** Where the keys move from while the user has placed nothing (the webmail's tab is not at the default place). */
  start?: Placement
}) {
  const { frameRef, placement, size, viewport, onPlace, start } = args
  const [dragAt, setDragAt] = useState<{ left: number; top: number } | null>(null)
  const drag = useRef<{ pointerId: number; startX: number; startY: number; left: number; top: number; moved: boolean } | null>(null)
  const dragged = useRef(false)

  const onPointerDown = useCallback(
    (e: PointerEvent<HTMLElement>) => {
      if (e.button !== 0) return
      // Buttons and fields inside the header keep their own clicks; the badge is itself the handle.
      const target = e.target as HTMLElement
      if (target !== e.currentTarget && target.closest("button, input, a") && !target.closest("[data-drag-handle]")) return
      const frame = frameRef.current
      if (!frame) return
      const r = frame.getBoundingClientRect()
      drag.current = { pointerId: e.pointerId, startX: e.clientX, startY: e.clientY, left: r.left, top: r.top, moved: false }
      dragged.current = false
      e.currentTarget.setPointerCapture(e.pointerId)
    },
    [frameRef]
  )

  const onPointerMove = useCallback(
    (e: PointerEvent<HTMLElement>) => {
      const d = drag.current
      if (!d || d.pointerId !== e.pointerId) return
      const dx = e.clientX - d.startX
      const dy = e.clientY - d.startY
      if (!d.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return
      d.moved = true
      e.preventDefault()
      setDragAt(positionIn({ h: "left", x: d.left + dx, v: "top", y: d.top + dy }, size, viewport))
    },
    [size, viewport]
  )

  const onPointerUp = useCallback(
    (e: PointerEvent<HTMLElement>) => {
      const d = drag.current
      if (!d || d.pointerId !== e.pointerId) return
      drag.current = null
      if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId)
      if (!d.moved) return
      dragged.current = true
      const left = d.left + e.clientX - d.startX
      const top = d.top + e.clientY - d.startY
      onPlace(placementOf({ left, top, width: size.width, height: size.height }, viewport))
      setDragAt(null)
    },
    [onPlace, size, viewport]
  )

  const onPointerCancel = useCallback(() => {
    drag.current = null
    setDragAt(null)
  }, [])

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      const step = e.shiftKey ? KEY_STEP_LARGE : KEY_STEP
      const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }
      const move = moves[e.key]
      if (move) {
        e.preventDefault()
        e.stopPropagation()
        onPlace(moveBy(placement ?? start ?? defaultPlacement(viewport), size, viewport, move[0], move[1]))
      } else if (e.key === "Home") {
        e.preventDefault()
        e.stopPropagation()
        onPlace(null)
      }
    },
    [onPlace, placement, size, viewport, start]
  )

  /** True once after a drag: the click the browser fires at its end is not an "open". */
  const consumeClick = useCallback(() => {
    const was = dragged.current
    dragged.current = false
    return was
  }, [])

  return { dragAt, handle: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel }, onKeyDown, consumeClick }
}
