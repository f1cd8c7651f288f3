/** What went wrong, as a code the UI translates; `message` is the server's or the network's own words. */
export type SyncErrorCode =
  | "offline"
  | "unauthorized"
  | "forbidden"
  | "client-too-old"
  | "server-too-old"
  | "server"
  | "rejected"
  | "bad-reply"
  | "not-signed-in"
  | "pending-other-team"

export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    readonly status?: number,
    /**
     * Set when the server refused a value of the request as invalid (400/422 `{ error: "invalid", field }`):
     * the JSON pointer of that value (`/mutations/3/fields/notes`), "" when the server did not say which.
     */
    readonly invalidField?: string
  ) {
    super(message)
  }
}

/** Maps an HTTP failure to a code, keeping the server's sentence (it says what to do in words). */
export function errorFromReply(status: number, body: unknown): SyncError {
  const b = (typeof body === "object" && body !== null ? body : {}) as { error?: unknown; message?: unknown; field?: unknown }
  const message = typeof b.message === "string" ? b.message : `HTTP ${status}`
  if (status === 426) return new SyncError("client-too-old", message, status)
  if (status === 401) return new SyncError("unauthorized", message, status)
  if (status === 403) return new SyncError("forbidden", message, status)
  if (b.error === "server-too-old") return new SyncError("server-too-old", message, status)
  if ((status === 400 || status === 422) && b.error === "invalid") {
    return new SyncError("rejected", message, status, typeof b.field === "string" ? b.field : "")
  }
  if (status >= 500) return new SyncError("server", message, status)
  return new SyncError("rejected", message, status)
}

export function toSyncError(e: unknown): SyncError {
  if (e instanceof SyncError) return e
  return new SyncError("offline", e instanceof Error ? e.message : String(e))
}
