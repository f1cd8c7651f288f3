import * as z from "zod"

/** What the popup and options show about sync: every field is what IndexedDB and chrome.storage hold now. */
export const SyncStatus = z.object({
  signedIn: z.boolean(),
  serverUrl: z.string().nullable(),
  user: z.object({ email: z.string(), name: z.string(), role: z.string() }).nullable(),
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  lastSyncedAt: z.number().nullable(),
  pending: z.number().int(),
  conflicts: z.number().int(),
  /**
   * `code` picks the sentence shown; `message` is the server's or the network's own words, and `status` the HTTP
   * status of a server that failed: technical details the UI keeps out of the line (on hover, in the options).
   */
  lastError: z.object({ code: z.string(), message: z.string(), at: z.number(), status: z.number().int().optional() }).nullable(),
  /** A pull from the start under way (the first sign-in): rows received and, when the server said, of how many. */
  progress: z.object({ pulled: z.number().int(), total: z.number().int().nullable() }).nullable(),
  /** What the first sign-in sent from this device's own base. */
  firstUpload: z.object({ customers: z.number().int(), products: z.number().int(), keptTeamCopies: z.number().int(), at: z.number() }).nullable()
})
export type SyncStatus = z.infer<typeof SyncStatus>

/** One refused change as the options page shows it. */
export const RefusedChange = z.object({
  id: z.number().int(),
  table: z.string(),
  key: z.string(),
  /** The record in words: "Dupont SARL (C-00012)", "GANT-01 Gants de manutention". */
  label: z.string(),
  reason: z.string(),
  message: z.string(),
  at: z.number(),
  /** The team no longer has the record (deleted there). */
  goneOnTeam: z.boolean(),
  canRestore: z.boolean(),
  /** Fields where this device's record and the team's differ (values as text, shortened). */
  differences: z
    .array(
      z.object({
        field: z.string(),
        mine: z.string(),
        team: z.string(),
        /** A number in hundredths (cents, basis points) the options page says in its own language. */
        numbers: z.object({ unit: z.enum(["cents", "bp"]), mine: z.number().nullable(), team: z.number().nullable() }).optional()
      })
    )
    .max(40)
})
export type RefusedChange = z.infer<typeof RefusedChange>
