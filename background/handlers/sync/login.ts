import * as z from "zod"

import { defineHandler } from "~src/messaging/handler"

import { ensurePokeStream, runSync, syncStatus, writeSession } from "../../sync"

const LoginReply = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.string() }),
  team: z.object({ id: z.string(), name: z.string() })
})

/** The background signs in (it holds host permissions and keeps the token); the page never sees the token. */
export const authLogin = defineHandler("auth/login", async ({ serverUrl, email, password }) => {
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
    return fail(typeof b.error === "string" ? b.error : `http-${res.status}`, typeof b.message === "string" ? b.message : `HTTP ${res.status}`)
  }
  const session = LoginReply.safeParse(body)
  if (!session.success) return fail("bad-reply", "this address answers, but not as a Comptoir server")
  await writeSession({ serverUrl: base, ...session.data })
  ensurePokeStream()
  await runSync(true)
  return { ok: true, status: await syncStatus() }
})
