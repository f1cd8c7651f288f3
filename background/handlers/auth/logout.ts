import { defineHandler } from "~src/messaging/handler"

import { readSession, revokeOnServer, stopPokeStream, writeSession } from "../../sync"

/** Revokes the token on the server when it can be reached; the local data and unsent changes stay. */
export const authLogout = defineHandler("auth/logout", async () => {
  const session = await readSession()
  stopPokeStream()
  await writeSession(null)
  // Queued, then tried now: a server that cannot hear it now is told at a later start or sync.
  if (session) await revokeOnServer(session.serverUrl, session.token, session.expiresAt)
  return { ok: true as const }
})
