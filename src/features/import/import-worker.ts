/// <reference lib="webworker" />
import { runImport } from "./run-import"
import { ImportJob, type ImportWorkerMessage } from "./import-job"

/** The error's name, or the one inside it (Dexie wraps a full disk's QuotaExceededError): the page words it by kind. */
const importErrorName = (e: unknown): string | undefined => {
  const inner = e && typeof e === "object" && "inner" in e ? (e.inner as { name?: unknown } | null) : null
  if (typeof inner?.name === "string" && inner.name === "QuotaExceededError") return inner.name
  return e instanceof Error ? e.name : undefined
}

/**
 * Runs a whole import (read, validate, merge, write to IndexedDB) off the options page's thread: 100,000 rows
 * are seconds of CPU, which would freeze the page even in slices. The worker is the extension's origin, so
 * its IndexedDB is the extension's.
 */
const post = (m: ImportWorkerMessage) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m)

self.onmessage = (event: MessageEvent<unknown>) => {
  const job = ImportJob.safeParse(event.data)
  if (!job.success) {
    post({ type: "error", message: `invalid import job: ${job.error.message}` })
    return
  }
  runImport(job.data, (progress) => post({ type: "progress", progress }), () => Promise.resolve())
    .then((outcome) => post({ type: "done", outcome }))
    .catch((e: unknown) => post({ type: "error", message: e instanceof Error ? e.message : String(e), name: importErrorName(e) }))
}
