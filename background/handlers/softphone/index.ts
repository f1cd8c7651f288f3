import { callBarOf, historyCallOf } from "~src/domain/telephony"
import { defineHandler } from "~src/messaging/handler"

import { services } from "../../services"
import { softphone } from "../../softphone"
import { requireExtensionPage, requireOffscreen, requirePageOrThisCall } from "./guard"

const ok = { ok: true as const }

/**
 * A page may ask for a call to a phone number, nothing more: no star or hash codes (`*72…` sets call forwarding
 * on many PBXs), and the customer it names is kept only if that customer has the number (a page must not log
 * its call against another customer). The click that led here was the user's own (the panel ignores scripted
 * clicks: `event.isTrusted`).
 */
async function fromPage(req: { number: string; customerId?: string | undefined; contactId?: string | undefined }) {
  const digits = req.number.replace(/[\s().-]/g, "")
  if (!/^\+?\d{3,20}$/.test(digits)) throw new Error("a page may only ask for a call to a phone number")
  if (req.customerId === undefined) return { customerId: undefined, contactId: undefined }
  const [customer] = await services.customers.getMany([req.customerId])
  const hasNumber = customer?.contacts.some((c) => c.phones.some((p) => p.replace(/\D/g, "").endsWith(digits.replace(/\D/g, "").slice(-9))))
  return hasNumber ? { customerId: req.customerId, contactId: req.contactId } : { customerId: undefined, contactId: undefined }
}

export const softphoneCall = defineHandler("softphone/call", async (req, ctx) => {
  try {
    const who = ctx.sender === "page" ? { customerId: req.customerId, contactId: req.contactId } : await fromPage(req)
    const callId = await softphone.call(req.number, who)
    return { ok: true, callId }
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) }
  }
})

export const softphoneState = defineHandler("softphone/state", async () => softphone.view())

export const softphoneBar = defineHandler("softphone/bar", async () => callBarOf(await softphone.view()))

/** The call under way (or being set up: its first report held), for the checks of what a page panel may do to it. */
const callNow = () => softphone.callNow()

export const softphoneAnswer = defineHandler("softphone/answer", async (req, ctx) => {
  requirePageOrThisCall(ctx, req.callId, await callNow(), ["ringing-in"])
  await softphone.command({ op: "answer", callId: req.callId })
  return ok
})
export const softphoneDecline = defineHandler("softphone/decline", async (req, ctx) => {
  requirePageOrThisCall(ctx, req.callId, await callNow(), ["ringing-in"])
  await softphone.command({ op: "decline", callId: req.callId })
  return ok
})
export const softphoneHangup = defineHandler("softphone/hangup", async (req, ctx) => {
  requirePageOrThisCall(ctx, req.callId, await callNow(), ["ringing-out", "in-call"])
  await softphone.command({ op: "hangup", callId: req.callId })
  return ok
})
export const softphoneMute = defineHandler("softphone/mute", async (req, ctx) => {
  requireExtensionPage(ctx)
  await softphone.command({ op: "mute", callId: req.callId, muted: req.muted })
  return ok
})
export const softphoneHold = defineHandler("softphone/hold", async (req, ctx) => {
  requireExtensionPage(ctx)
  await softphone.command({ op: "hold", callId: req.callId, onHold: req.onHold })
  return ok
})
export const softphoneDtmf = defineHandler("softphone/dtmf", async (req, ctx) => {
  requireExtensionPage(ctx)
  await softphone.command({ op: "dtmf", callId: req.callId, digits: req.digits })
  return ok
})
export const softphoneTransfer = defineHandler("softphone/transfer", async (req, ctx) => {
  requireExtensionPage(ctx)
  await softphone.command({ op: "transfer", callId: req.callId, target: req.target })
  return ok
})
export const softphoneAssign = defineHandler("softphone/assign", async (req, ctx) => {
  // The controller keeps the pick only among the customers holding the caller's number.
  requirePageOrThisCall(ctx, req.callId, await callNow(), ["ringing-in", "ringing-out", "in-call"])
  await softphone.assign(req.callId, req.customerId, req.contactId)
  return ok
})
export const softphoneStats = defineHandler("softphone/stats", async (_req, ctx) => {
  requireExtensionPage(ctx)
  return softphone.stats()
})
export const softphoneSettings = defineHandler("softphone/settings", async (_req, ctx) => {
  requireExtensionPage(ctx)
  return { settings: await softphone.settings(), hasPassword: await softphone.hasPassword() }
})
export const softphoneConfigure = defineHandler("softphone/configure", async (req, ctx) => {
  requireExtensionPage(ctx)
  try {
    await softphone.configure(req.settings, req.password)
    return { ok: true }
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) }
  }
})
export const softphoneHistory = defineHandler("softphone/history", async (req, ctx) => {
  requireExtensionPage(ctx)
  const calls = await softphone.history(req.limit)
  const ids = [...new Set(calls.flatMap((c) => (c.customerId ? [c.customerId] : [])))]
  const customers = new Map((ids.length > 0 ? await services.customers.getMany(ids) : []).map((c) => [c.id, c]))
  return { calls: calls.map((c) => historyCallOf(c, customers)) }
})
export const softphoneReport = defineHandler("softphone/report", async (req, ctx) => {
  requireOffscreen(ctx)
  await softphone.report(req.state, req.event)
  return ok
})

export const softphoneHandlers = [
  softphoneCall,
  softphoneState,
  softphoneBar,
  softphoneAnswer,
  softphoneDecline,
  softphoneHangup,
  softphoneMute,
  softphoneHold,
  softphoneDtmf,
  softphoneTransfer,
  softphoneAssign,
  softphoneStats,
  softphoneSettings,
  softphoneConfigure,
  softphoneHistory,
  softphoneReport
]
