import * as z from "zod"

import { CountryCode } from "~src/domain/customers/customer.schema"
import { MULTI_FIELDS } from "~src/domain/import/headers"

import type { ImportOutcome, ImportProgress } from "./run-import"

/** What the options page sends its import worker (validated there: messages are checked everywhere). */
export const ImportJob = z.object({
  kind: z.enum(["customers", "products"]),
  text: z.string(),
  mapping: z.record(z.string(), z.number().int().nonnegative()),
  defaultCountry: CountryCode,
  columnCount: z.number().int().positive(),
  /** Second and further email and phone columns (customers). */
  extraColumns: z.array(z.object({ field: z.enum(MULTI_FIELDS), index: z.number().int().nonnegative() })).max(500).default([]),
  /** No code column: codes are made from the company names (customers). */
  codesFromCompany: z.boolean().default(false),
  /** The team's users (customers, signed in): a sales rep who is no active one is left empty and reported. */
  salesReps: z
    .object({
      active: z.array(z.string().max(200)).max(10_000),
      inactive: z.array(z.string().max(200)).max(10_000),
      /** The active members' e-mails: a file may name its reps by e-mail. */
      people: z.array(z.object({ name: z.string().max(200), email: z.string().max(254) })).max(10_000).default([])
    })
    .optional()
})
export type ImportJob = z.input<typeof ImportJob>

export type ImportWorkerMessage =
  | { type: "progress"; progress: ImportProgress }
  | { type: "done"; outcome: ImportOutcome }
  /** `name` tells the page what kind of failure it was (a full disk, a file too large…). */
  | { type: "error"; message: string; name?: string }

/** Runs the job in a dedicated worker; falls back to this thread (in slices) where workers cannot start. */
export function runImportInWorker(job: ImportJob, onProgress: (p: ImportProgress) => void): Promise<ImportOutcome> {
  let worker: Worker
  try {
    worker = new Worker(new URL("./import-worker.ts", import.meta.url), { type: "module" })
  } catch {
    return import("./run-import").then((m) => m.runImport(job, onProgress))
  }
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<ImportWorkerMessage>) => {
      const m = event.data
      if (m.type === "progress") onProgress(m.progress)
      else {
        worker.terminate()
        if (m.type === "done") resolve(m.outcome)
        else reject(Object.assign(new Error(m.message), { name: m.name ?? "Error" }))
      }
    }
    worker.onerror = (e) => {
      worker.terminate()
      reject(new Error(e.message || "the import worker failed"))
    }
    worker.postMessage(job)
  })
}
