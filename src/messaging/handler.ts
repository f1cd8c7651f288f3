import { cleanTextDeep } from "~src/domain/clean-text"

import { contract, Envelope, senders, type MessageName, type ParsedRequestOf, type Reply, type ResponseOf, type SenderKind } from "./contract"

export interface MessageContext {
  /** The tab the message came from (content scripts), if any. */
  tabId?: number
  /** The frame of that tab the message came from (0: the top; an extension page framed in a web page: > 0). */
  frameId?: number
  /** The window of that tab (the workspace tab of the same window is the one reused). */
  windowId?: number
  url?: string
  /** Decided by `senderKind` from the browser's MessageSender; absent counts as a content script. */
  sender?: SenderKind
}

export interface Handler<N extends MessageName = MessageName> {
  name: N
  handle(request: ParsedRequestOf<N>, ctx: MessageContext): Promise<ResponseOf<N>>
}

/** Declares the background's handler for one contract entry; the types come from the contract. */
export function defineHandler<N extends MessageName>(
  name: N,
  handle: (request: ParsedRequestOf<N>, ctx: MessageContext) => Promise<ResponseOf<N>>
): Handler<N> {
  return { name, handle }
}

export interface DispatchLog {
  warn(message: string, details?: unknown): void
}

/**
 * Validates an incoming message against the contract and runs its handler. Anything malformed is refused
 * with a reason and logged: content scripts relay page data and are treated as untrusted.
 */
export function createDispatcher(handlers: readonly Handler[], log: DispatchLog = console) {
  const byName = new Map<string, Handler>()
  for (const h of handlers) {
    if (byName.has(h.name)) throw new Error(`two handlers for ${h.name}`)
    byName.set(h.name, h)
  }
  return async function dispatch(message: unknown, ctx: MessageContext): Promise<Reply<unknown>> {
    const envelope = Envelope.safeParse(message)
    if (!envelope.success) {
      log.warn("comptoir: refused a malformed message", { issues: envelope.error.issues })
      return { ok: false, error: "malformed message" }
    }
    const name = envelope.data.type
    const handler = byName.get(name)
    if (!handler || !(name in contract)) {
      log.warn("comptoir: refused an unknown message", { name })
      return { ok: false, error: `unknown message ${name}` }
    }
    const from = ctx.sender ?? "content"
    if (!senders[name as MessageName].includes(from)) {
      log.warn("comptoir: refused a message from a sender not allowed to send it", { name, sender: from, url: ctx.url })
      return { ok: false, error: `${name} may not be sent from a ${from === "content" ? "content script" : "extension page"}` }
    }
    const spec = contract[name as MessageName]
    // Page values and form fields arrive here: text that could not be stored or synced is cleaned first.
    const request = spec.request.safeParse(cleanTextDeep(envelope.data.payload))
    if (!request.success) {
      log.warn("comptoir: refused an invalid request", { name, issues: request.error.issues })
      return { ok: false, error: `invalid request for ${name}: ${request.error.issues.map((i) => `${i.path.join(".") || "payload"}: ${i.message}`).join("; ")}` }
    }
    try {
      const data = await (handler.handle as (r: unknown, c: MessageContext) => Promise<unknown>)(request.data, ctx)
      return { ok: true, data: spec.response.parse(data) }
    } catch (e) {
      log.warn("comptoir: handler failed", { name, error: String(e) })
      return { ok: false, error: e instanceof Error ? e.message : String(e) }
    }
  }
}
