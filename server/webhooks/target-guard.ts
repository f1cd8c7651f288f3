import { lookup as dnsLookup, type LookupAddress } from "node:dns"
import { request as httpRequest, type IncomingMessage } from "node:http"
import { request as httpsRequest } from "node:https"
import { BlockList, isIP, type LookupFunction } from "node:net"

/**
 * Outgoing webhooks go to the public internet only. A team admin sets the URL; without this guard they could
 * make the server probe the company's own network (an admin console on 10.x, a cloud metadata service on
 * 169.254.169.254, a database on localhost) and read the answers' status and timing in the delivery log.
 * Checked when the URL is set and again at every delivery, on the address the connection really uses (the
 * lookup below), so a name that later resolves to a private address (DNS rebinding) is refused too.
 * Redirects are never followed. `WEBHOOK_ALLOW_PRIVATE=1` lifts the rule (tests, a lab).
 */
const blocked = new BlockList()
for (const [net, prefix] of [
  ["0.0.0.0", 8], // "this network", unspecified
  ["10.0.0.0", 8], // private
  ["100.64.0.0", 10], // carrier-grade NAT, shared address space
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local (cloud metadata services)
  ["172.16.0.0", 12], // private
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.168.0.0", 16], // private
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // documentation
  ["203.0.113.0", 24], // documentation
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4] // reserved, broadcast
] as const) {
  blocked.addSubnet(net, prefix, "ipv4")
}
for (const [net, prefix] of [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["::", 96], // IPv4-compatible (deprecated)
  ["100::", 64], // discard
  ["2001:db8::", 32], // documentation
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated)
  ["ff00::", 8] // multicast
] as const) {
  blocked.addSubnet(net, prefix, "ipv6")
}

/** Why an address is not a public one, or null. IPv4 inside IPv6 (mapped, NAT64, 6to4) is judged as IPv4. */
export function privateAddressReason(address: string): string | null {
  const family = isIP(address)
  if (family === 0) return `"${address}" is not an IP address`
  if (family === 4) return blocked.check(address, "ipv4") ? `${address} is a loopback, private, link-local, multicast or reserved address` : null
  const embedded = embeddedIpv4(address)
  if (embedded !== null) {
    const reason = privateAddressReason(embedded)
    return reason === null ? null : `${address} carries ${embedded}: ${reason}`
  }
  return blocked.check(address, "ipv6") ? `${address} is a loopback, unique-local, link-local, multicast or unspecified address` : null
}

/** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address. */
function embeddedIpv4(address: string): string | null {
  const groups = expandIpv6(address)
  if (!groups) return null
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) return v4(groups[6]!, groups[7]!)
  if (groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0)) return v4(groups[6]!, groups[7]!)
  if (groups[0] === 0x2002) return v4(groups[1]!, groups[2]!)
  return null
}

function expandIpv6(address: string): number[] | null {
  let a = address.toLowerCase().replace(/%.*$/, "")
  // A dotted tail (::ffff:127.0.0.1) becomes two groups.
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(a)
  if (dotted) {
    const [b0, b1, b2, b3] = dotted.slice(1).map(Number) as [number, number, number, number]
    a = `${a.slice(0, dotted.index)}${((b0 << 8) | b1).toString(16)}:${((b2 << 8) | b3).toString(16)}`
  }
  const [head, tail] = a.split("::") as [string, string | undefined]
  const h = head ? head.split(":") : []
  const t = tail ? tail.split(":") : []
  const missing = 8 - h.length - t.length
  if (tail === undefined ? h.length !== 8 : missing < 0) return null
  const groups = [...h, ...Array<string>(tail === undefined ? 0 : missing).fill("0"), ...t].map((g) => parseInt(g, 16))
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null
}

export class WebhookTargetError extends Error {}

/** Every address of a name (the system resolver by default; tests answer it themselves, as a rebinding DNS would). */
export type ResolveAll = (hostname: string) => Promise<LookupAddress[]>

const systemResolveAll: ResolveAll = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))))

/**
 * Checks a webhook URL when an admin sets it: its host must be a public address, or a name whose every
 * address is public. Throws WebhookTargetError with the reason.
 */
export async function checkWebhookTarget(url: string, allowPrivate: boolean, resolveAll: ResolveAll = systemResolveAll): Promise<void> {
  if (allowPrivate) return
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "")
  if (isIP(host)) {
    const reason = privateAddressReason(host)
    if (reason) throw new WebhookTargetError(`the webhook must reach a public address: ${reason} (WEBHOOK_ALLOW_PRIVATE=1 allows it)`)
    return
  }
  let addresses: LookupAddress[]
  try {
    addresses = await resolveAll(host)
  } catch (err) {
    throw new WebhookTargetError(`the webhook host ${host} does not resolve (${(err as { code?: string }).code ?? String(err)})`)
  }
  // Which address a name resolves to is never said: a team admin must not learn the company's internal DNS.
  for (const a of addresses) {
    const reason = privateAddressReason(a.address)
    if (reason) throw new WebhookTargetError(`the webhook must reach a public address: ${host} resolves to a non-public address (loopback, private, link-local, multicast or reserved) (WEBHOOK_ALLOW_PRIVATE=1 allows it)`)
  }
}

/**
 * A lookup for http.request that refuses names resolving to any non-public address. The connection then uses
 * the very addresses checked here: no second resolution a rebinding DNS could answer differently.
 */
function publicOnlyLookup(resolveAll: ResolveAll | undefined): LookupFunction {
  return (hostname, options, callback) => {
    const found = resolveAll
      ? resolveAll(hostname)
      : new Promise<LookupAddress[]>((resolve, reject) => dnsLookup(hostname, { ...options, all: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))))
    found.then(
      (list) => {
        for (const a of list) {
          const reason = privateAddressReason(a.address)
          if (reason) return callback(Object.assign(new WebhookTargetError(`refused: ${hostname} resolves to a non-public address (loopback, private, link-local, multicast or reserved)`), { code: "EWEBHOOKPRIVATE" }), "", 0)
        }
        if (list.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "", 0)
        if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list)
        callback(null, list[0]!.address, list[0]!.family)
      },
      (err: NodeJS.ErrnoException) => callback(err, "", 0)
    )
  }
}

export interface PostResult {
  statusCode: number
}

/**
 * POSTs a webhook body. Never follows a redirect (a 3xx is an answer like any other, logged as a failure);
 * unless allowPrivate, refuses a literal or resolved non-public address before connecting.
 */
export function postWebhook(url: string, headers: Record<string, string>, body: string, opts: { timeoutMs: number; allowPrivate: boolean; resolveAll?: ResolveAll }): Promise<PostResult> {
  const target = new URL(url)
  const host = target.hostname.replace(/^\[|\]$/g, "")
  if (!opts.allowPrivate && isIP(host)) {
    const reason = privateAddressReason(host)
    if (reason) return Promise.reject(new WebhookTargetError(`refused: ${reason} (WEBHOOK_ALLOW_PRIVATE=1 allows it)`))
  }
  const send = target.protocol === "https:" ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const req = send(
      target,
      {
        method: "POST",
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        signal: AbortSignal.timeout(opts.timeoutMs),
        ...(opts.allowPrivate ? {} : { lookup: publicOnlyLookup(opts.resolveAll) })
      },
      (res: IncomingMessage) => {
        // Only the status matters; the receiver's body is never read.
        resolve({ statusCode: res.statusCode ?? 0 })
        res.destroy()
      }
    )
    req.on("error", reject)
    req.end(body)
  })
}
