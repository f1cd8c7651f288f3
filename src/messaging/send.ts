import { contract, type MessageName, type Reply, type RequestOf, type ResponseOf } from "./contract"

export class MessageError extends Error {
  constructor(
    readonly messageName: string,
    message: string
  ) {
    super(`${messageName}: ${message}`)
  }
}

/** Sends a typed message to the background, validating both ways (the background may be an older version). */
export async function send<N extends MessageName>(name: N, payload: RequestOf<N>): Promise<ResponseOf<N>> {
  const spec = contract[name]
  const request = spec.request.parse(payload)
  const reply = (await chrome.runtime.sendMessage({ type: name, payload: request })) as Reply<unknown> | undefined
  if (!reply) throw new MessageError(name, "no answer from the background")
  if (!reply.ok) throw new MessageError(name, reply.error)
  const parsed = spec.response.safeParse(reply.data)
  if (!parsed.success) throw new MessageError(name, `malformed response: ${parsed.error.message}`)
  return parsed.data as ResponseOf<N>
}
