import { defineHandler } from "~src/messaging/handler"

import { readSession, revokeOnServer, stopPokeStream, writeSession } from "../../sync"

/** Revokes the token on the server when it can be reached; the local data and unsent changes stay. */
export const authLogout = defineHandler("auth/logout", async () => {
  const session = await readSession()
  stopPokeStream()
  await writeSession(null)
  if (session) await revokeOnServer(session.serverUrl, session.token)
  return { ok: true as const }
})
