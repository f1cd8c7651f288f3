import { createHmac, timingSafeEqual } from "node:crypto"

export const SIGNATURE_HEADER = "x-comptoir-signature"

/** `sha256=<hex HMAC-SHA256 of the raw body>`, the form GitHub and Stripe-style receivers expect. */
export function sign(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`
}

/** For receivers (and tests): compare over the raw bytes, in constant time. */
export function verify(secret: string, body: string, header: string | undefined): boolean {
  if (!header) return false
  const expected = Buffer.from(sign(secret, body))
  const got = Buffer.from(header)
  return expected.length === got.length && timingSafeEqual(expected, got)
}
