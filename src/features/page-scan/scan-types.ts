import type { CountryCode } from "../../domain/customers/customer.schema"
import type { Detected } from "../../domain/detect"

export interface FoundItem {
  kind: "phone" | "email" | "code"
  /** E.164, lower-cased email or upper-cased code. */
  value: string
  element: Element
}

/** What decides what detection finds in a text: `configure()` changes these on a running scanner. */
export interface DetectionOptions {
  defaultCountry: CountryCode
  codePattern: RegExp | null
  /** Passed through to detection (detect-all.ts): the base's other countries. */
  otherCountries?: readonly CountryCode[]
}

export interface PageScannerOptions extends DetectionOptions {
  /** Passed through to detection (detect-all.ts): how a foreign reading is confirmed. */
  acceptForeign?(e164: string): boolean
  onForeign?(e164: string): void
  /** Called after each slice that found something new. */
  onFound(items: FoundItem[]): void
  /** The user clicked a decorated element. */
  onActivate?(item: FoundItem): void
  /** Budget of one slice; default 8 (DESIGN: no content-script task over 16 ms). */
  sliceMs?: number
  /** Subtrees never scanned, e.g. "#comptoir-overlay". */
  ignoreSelector?: string
  /** Called after a slice that left nothing to do: the page is decorated, what was found has been reported. */
  onIdle?(): void
  /**
   * Called (once per slice at most) after the page removed nodes, hid content, rewrote decorated text or replaced
   * a frame's document: items found earlier may have left the view, the caller checks its own (see PageLookup).
   */
  onRemoved?(): void
}

export interface ScanStats {
  /** Text nodes and elements the scanner looked at. */
  nodesScanned: number
  textNodesScanned: number
  /** Texts handed to detection (the others were read before, or cannot hold anything). */
  textsDetected: number
  /** Items reported to onFound (new decorations, plus existing ones on the initial pass and on rescan()). */
  itemsFound: number
  phones: number
  emails: number
  codes: number
  slices: number
  maxSliceMs: number
  totalSliceMs: number
  /** Start of the scanner → end of the slice that emptied the first queue; null until then. */
  initialPassMs: number | null
  /** Queued roots, plus the walk or text in progress, texts waiting for detection and decorations waiting to be written. */
  pending: number
  /** Slices that wrote decorations into the page (each may cost the page one layout). */
  writeSlices: number
  /** Nothing queued and no slice scheduled. */
  idle: boolean
  documents: number
  /** Errors caught and swallowed: the page must never see one. */
  errors: number
}

export interface PageScanner {
  stop(): void
  rescan(): void
  /**
   * New detection options on the running scanner (a settings or base-profile change): the page's texts are read
   * again where the change may find something new (digits after a country change, the new pattern's matches after
   * a code-pattern change); decorations stay, and what was reported is not reported again. false: nothing changed.
   */
  configure(opts: DetectionOptions): boolean
  stats(): ScanStats
}

/**
 * What one step of a slice did: nothing left ("none"), a cheap step (walking past a node), an expensive one
 * (detection, writing: the time is read after it), or nothing because the next piece of work does not fit ("yield").
 */
export type Step = "none" | "light" | "heavy" | "yield"

/** A text read and found to hold items, waiting to be decorated. */
export interface Write {
  node: Text
  data: string
  items: Detected[]
}

// Node constants as numbers: the constructors of another window (an iframe) are other objects.
export const ELEMENT_NODE = 1
export const TEXT_NODE = 3
export const DOCUMENT_NODE = 9
