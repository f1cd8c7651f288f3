import * as z from "zod"

import { defineHandler } from "~src/messaging/handler"

import { toSyncError } from "~src/sync/sync-errors"

import { ensurePokeStream, revokeOnServer, runSync, syncEngine, syncStatus, writeSession } from "../../sync"

const LoginReply = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.string() }),
  team: z.object({ id: z.string(), name: z.string() })
})

/** The background signs in (it holds host permissions and keeps the token); the page never sees the token. */
export const authLogin = defineHandler("auth/login", async ({ serverUrl, email, password, discardUnsent }) => {
  const base = serverUrl.replace(/\/+$/, "")
  const fail = async (code: string, message: string) => ({ ok: false, error: { code, message }, status: await syncStatus() })
  let res: Response
  try {
    res = await fetch(`${base}/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
      signal: AbortSignal.timeout(20_000)
    })
  } catch (e) {
    return fail("offline", e instanceof Error ? e.message : String(e))
  }
  const body: unknown = await res.json().catch(() => ({}))
  if (!res.ok) {
    const b = body as { error?: unknown; message?: unknown }
    return fail(
      typeof b.error === "string" ? b.error : `http-${res.status}`,
      typeof b.message === "string" ? b.message : `HTTP ${res.status}`
    )
  }
  const session = LoginReply.safeParse(body)
  if (!session.success) return fail("bad-reply", "this address answers, but not as a Comptoir server")
  // Bound before the session is kept: a refusal (changes still owed to another team) leaves the device as it was.
  try {
    await syncEngine().bind({ serverUrl: base, token: session.data.token, teamId: session.data.team.id }, { discardUnsent })
  } catch (e) {
    await revokeOnServer(base, session.data.token)
    const err = toSyncError(e)
    return fail(err.code, err.message)
  }
  await writeSession({ serverUrl: base, ...session.data })
  ensurePokeStream()
  await runSync(true)
  return { ok: true, status: await syncStatus() }
})
