import { defineHandler } from "~src/messaging/handler"

import { readSession } from "../../sync"

/**
 * The background calls the server (it holds the token; pages never see it). The server checks the current
 * password, sets the new one and ends the user's other sessions; this device's session stays valid.
 */
export const authChangePassword = defineHandler("auth/change-password", async ({ currentPassword, newPassword }) => {
  const session = await readSession()
  if (!session) return { ok: false, error: { code: "signed-out", message: "not signed in to a team server" } }
  let res: Response
  try {
    res = await fetch(`${session.serverUrl}/auth/change-password`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${session.token}` },
      body: JSON.stringify({ currentPassword, newPassword }),
      signal: AbortSignal.timeout(20_000)
    })
  } catch (e) {
    return { ok: false, error: { code: "offline", message: e instanceof Error ? e.message : String(e) } }
  }
  const body = (await res.json().catch(() => ({}))) as { error?: unknown; message?: unknown; endedSessions?: unknown }
  if (!res.ok) {
    return {
      ok: false,
      error: { code: typeof body.error === "string" ? body.error : `http-${res.status}`, message: typeof body.message === "string" ? body.message : `HTTP ${res.status}` }
    }
  }
  return { ok: true, endedSessions: typeof body.endedSessions === "number" ? body.endedSessions : 0 }
})
