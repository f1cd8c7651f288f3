import type { FastifyRequest } from "fastify"

/**
 * Query parameters that carry a credential: the EventSource's one-use ticket (`/sync/events?ticket=`), the only
 * place a browser's EventSource can put it. pino's `redact` cannot reach them (Fastify logs the whole URL as one
 * string), so the request serializer writes the URL with their values masked.
 */
const SECRET_PARAMS = new Set(["ticket", "token", "access_token"])

export function redactUrl(url: string): string {
  const q = url.indexOf("?")
  if (q < 0) return url
  const query = url
    .slice(q + 1)
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=")
      const name = eq < 0 ? pair : pair.slice(0, eq)
      let decoded = name
      try {
        decoded = decodeURIComponent(name.replace(/\+/g, " "))
      } catch {
        // A malformed name is logged as it came: it names no secret we know.
      }
      return eq >= 0 && SECRET_PARAMS.has(decoded.toLowerCase()) ? `${name}=[Redacted]` : pair
    })
    .join("&")
  return `${url.slice(0, q)}?${query}`
}

/** Fastify's own request serializer (method, url, host, addresses), with the URL's credentials masked. */
export function serializeRequest(req: FastifyRequest): Record<string, unknown> {
  return {
    method: req.method,
    url: redactUrl(req.url),
    version: req.headers?.["accept-version"],
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort
  }
}
