/**
 * What a SIP provider dials for a number: the user part of a request URI on the provider's domain. E.164
 * keeps its "+" (PBX trunks take it); anything else keeps only dialable characters.
 */
export function sipTargetFor(number: string, domain: string): string {
  const user = number.trim().replace(/[^0-9+*#]/g, "")
  if (!/^\+?[0-9*#]{2,32}$/.test(user)) throw new Error(`not a dialable number: ${number}`)
  return `sip:${user}@${domain}`
}

/** The caller's number from a SIP From/P-Asserted-Identity user part: E.164 when it looks like one. */
export function numberFromSipUser(user: string): string {
  const u = decodeURIComponent(user).replace(/^tel:/, "")
  return /^\+[1-9]\d{7,14}$/.test(u) ? u : u.slice(0, 100)
}
