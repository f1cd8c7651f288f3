import type { TFunction } from "i18next"

import type { ImportKind } from "./run-import"

/** What the page can tell of why an import stopped, from the error's name (the raw text is English, and varies by browser). */
export type ImportFailureKind = "unreadable" | "tooLarge" | "storageFull" | "other"

/** Where the import was: nothing is written while reading; products are written by chunks, customers in one transaction. */
export type ImportFailurePhase = "reading" | "writing"

const nameOf = (e: unknown): string => (e && typeof e === "object" && "name" in e && typeof e.name === "string" ? e.name : "")

export function importFailureKind(e: unknown): ImportFailureKind {
  // Dexie wraps IndexedDB's errors: a transaction aborted by a full disk keeps the quota error inside.
  const names = [nameOf(e), nameOf(e && typeof e === "object" && "inner" in e ? e.inner : undefined)]
  if (names.includes("QuotaExceededError")) return "storageFull"
  // A File read fails so when the file was moved, changed or locked since it was chosen.
  if (names.some((n) => n === "NotReadableError" || n === "NotFoundError" || n === "SecurityError")) return "unreadable"
  // "Invalid string length", "Array buffer allocation failed": more text than the browser holds at once.
  if (e instanceof RangeError || names.includes("RangeError")) return "tooLarge"
  return "other"
}

/**
 * The sentence the page shows, in the interface's language, and says truthfully what was kept: nothing is written
 * while the file is read, customers are written in one transaction (all or nothing), products by chunks of a thousand
 * (those written before the stop stay). The raw error is for the hover and the console.
 */
export function importFailureText(e: unknown, kind: ImportKind, phase: ImportFailurePhase, t: TFunction): { message: string; detail: string } {
  const partSaved = kind === "products" && phase === "writing"
  return {
    message: t("options.import.failed", {
      why: t(`options.import.failure.${importFailureKind(e)}`),
      saved: t(partSaved ? "options.import.failure.productsPartSaved" : "options.import.failure.nothingSaved")
    }),
    detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e)
  }
}
