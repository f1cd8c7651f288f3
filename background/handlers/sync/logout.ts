import { defineHandler } from "~src/messaging/handler"

import { readSession, stopPokeStream, writeSession } from "../../sync"

/** Revokes the token on the server when it can be reached; the local data and unsent changes stay. */
export const authLogout = defineHandler("auth/logout", async () => {
  const session = await readSession()
  stopPokeStream()
  await writeSession(null)
  if (session) {
    await fetch(`${session.serverUrl}/auth/logout`, { method: "POST", headers: { authorization: `Bearer ${session.token}` }, signal: AbortSignal.timeout(5_000) }).catch(() => undefined)
  }
  return { ok: true as const }
})
