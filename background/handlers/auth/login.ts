import { defineHandler } from "~src/messaging/handler"
import { toSyncError } from "~src/sync/sync-errors"
import { serverBase } from "~src/sync/team-server"

import { ensurePokeStream, revokeOnServer, runSync, syncEngine, syncStatus, teamServer, writeSession } from "../../sync"

/** The background signs in (it holds host permissions and keeps the token); the page never sees the token. */
export const authLogin = defineHandler("auth/login", async ({ serverUrl, email, password, discardUnsent }) => {
  const base = serverBase(serverUrl)
  const fail = async (code: string, message: string) => ({ ok: false, error: { code, message }, status: await syncStatus() })
  const login = await teamServer.login(base, email, password)
  if (!login.ok) return fail(login.code, login.message)
  const session = login.reply
  // Bound before the session is kept: a refusal (changes still owed to another team) leaves the device as it was.
  try {
    await syncEngine().bind({ serverUrl: base, token: session.token, teamId: session.team.id }, { discardUnsent })
  } catch (e) {
    await revokeOnServer(base, session.token, session.expiresAt)
    const err = toSyncError(e)
    return fail(err.code, err.message)
  }
  await writeSession({ serverUrl: base, ...session })
  ensurePokeStream()
  await runSync(true)
  return { ok: true, status: await syncStatus() }
})
