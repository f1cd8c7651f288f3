import * as z from "zod"

import { OutcomeContext } from "./outcome-form"

/**
 * An outcome not saved yet: created when a call ends (so the dock lists it "to log"), rewritten on every
 * keystroke (debounced) and deleted when the log is saved or the agent discards it. Device-local, in the
 * extension's IndexedDB: it outlives the tab, the popup and the service worker, never leaves the device.
 */
export const OutcomeDraft = z.object({
  /** The call's id; `manual:<customerId>` for a call logged by hand; `fix:<logId>` for a correction. */
  id: z.string().min(1).max(220),
  context: OutcomeContext,
  /** The form's values as typed (any shape an older form stored is read by `mergeDraft`). */
  values: z.record(z.string(), z.unknown()).nullable(),
  /** The call's direction and number, for the "to log" list (the values may not be typed yet). */
  summary: z
    .object({ direction: z.enum(["inbound", "outbound"]), number: z.string().max(100), startedAt: z.number(), contactId: z.string().max(100).nullable().default(null) })
    .nullable(),
  createdAt: z.number(),
  updatedAt: z.number()
})
export type OutcomeDraft = z.infer<typeof OutcomeDraft>

/** chrome.storage.session key the background bumps when a draft appears or goes: docks refresh their "to log" list. */
export const DRAFTS_CHANGED_KEY = "outcomeDrafts.changedAt"

export const manualDraftId = (customerId: string | null) => `manual:${customerId ?? "none"}`
export const correctionDraftId = (logId: string) => `fix:${logId}`
