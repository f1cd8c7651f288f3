import type { FastifyInstance } from "fastify"

/**
 * What PostgreSQL (and so PGlite) refuses to store, caught before any handler runs: a NUL character (text and
 * jsonb cannot hold U+0000) and a lone UTF-16 surrogate (half of an emoji: jsonb refuses the escape, text
 * cannot encode it). Unchecked, both reach SQL and come back as 500, which a client reads as "retry later" and
 * sends again forever. A JSON nested deeper than `maxDepth` is refused too: schema checks and serializers walk
 * values recursively, and 20,000 levels overflow the stack.
 *
 * The refusal is 400 `{ error: "invalid", field, message, issues }`: `field` is the JSON pointer of the first
 * bad value (RFC 6901, e.g. `/mutations/0/fields/notes`), `issues` lists up to 20 (`{ path, message }`, path a
 * pointer too). The extension relies on this shape to set one change aside instead of retrying it.
 */
export class InvalidJsonError extends Error {
  readonly statusCode = 400
  constructor(readonly issues: { path: string; message: string }[]) {
    super(`${issues[0]!.path || "the body"}: ${issues[0]!.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ""}`)
  }
  get field(): string {
    return this.issues[0]!.path
  }
}

export const DEFAULT_MAX_JSON_DEPTH = 32

/** Replaces the JSON body parser: depth is checked on the raw text first (no recursion), then strings. */
export function installJsonGuard(app: FastifyInstance, maxDepth = DEFAULT_MAX_JSON_DEPTH): void {
  // Fastify's own parser keeps its __proto__/constructor poisoning protection.
  const parse = app.getDefaultJsonParser("error", "error")
  app.removeContentTypeParser("application/json")
  app.addContentTypeParser("application/json", { parseAs: "string" }, (req, body, done) => {
    const text = body as string
    const deep = depthPath(text, maxDepth)
    if (deep !== null) return done(new InvalidJsonError([{ path: deep, message: `nested deeper than ${maxDepth} levels` }]), undefined)
    void parse(req, text, (err, value) => {
      if (err) return done(err, undefined)
      const issues: { path: string; message: string }[] = []
      findBadStrings(value, "", issues)
      if (issues.length > 0) return done(new InvalidJsonError(issues), undefined)
      done(null, value)
    })
  })
}

/** The JSON pointer of the first value nested deeper than maxDepth, or null; a linear scan of the text. */
export function depthPath(text: string, maxDepth: number): string | null {
  // Cheap exit: a text with fewer brackets than the limit cannot be too deep.
  let brackets = 0
  for (let i = 0; i < text.length && brackets <= maxDepth; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x5b || c === 0x7b) brackets++
  }
  if (brackets <= maxDepth) return null
  // The path of the offending value, rebuilt from a stack of (container, index-or-last-key) frames.
  const stack: { array: boolean; index: number; key: string }[] = []
  let inString = false
  let stringStart = 0
  let lastString = ""
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (inString) {
      if (c === "\\") i++
      else if (c === '"') {
        inString = false
        lastString = text.slice(stringStart, i)
      }
      continue
    }
    if (c === '"') {
      inString = true
      stringStart = i + 1
    } else if (c === ":") {
      const top = stack.at(-1)
      if (top && !top.array) {
        try {
          top.key = JSON.parse(`"${lastString}"`) as string
        } catch {
          top.key = lastString
        }
      }
    } else if (c === ",") {
      const top = stack.at(-1)
      if (top?.array) top.index++
    } else if (c === "[" || c === "{") {
      if (stack.length >= maxDepth) return pointer(stack.map((f) => (f.array ? f.index : f.key)))
      stack.push({ array: c === "[", index: 0, key: "" })
    } else if (c === "]" || c === "}") {
      stack.pop()
    }
  }
  return null
}

function findBadStrings(value: unknown, path: string, issues: { path: string; message: string }[]): void {
  if (issues.length >= 20) return
  if (typeof value === "string") {
    const problem = badString(value)
    if (problem) issues.push({ path, message: problem })
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => findBadStrings(v, `${path}/${i}`, issues))
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const keyProblem = badString(k)
      if (keyProblem) {
        issues.push({ path: `${path}/${escapeToken(k)}`, message: `the name of this field ${keyProblem.replace(/^the text /, "")}` })
        continue
      }
      findBadStrings(v, `${path}/${escapeToken(k)}`, issues)
    }
  }
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** Why PostgreSQL would refuse this text, or null. */
export function badString(s: string): string | null {
  if (s.includes("\u0000")) return "the text holds a NUL character (U+0000), which cannot be stored"
  if (LONE_SURROGATE.test(s)) return "the text holds half of a character (an unpaired UTF-16 surrogate, e.g. a cut emoji), which cannot be stored"
  return null
}

function pointer(tokens: (string | number)[]): string {
  return tokens.map((t) => `/${escapeToken(String(t))}`).join("")
}

/** RFC 6901 escaping; a NUL or lone surrogate in a name is written as \uXXXX so the reply itself stays storable. */
function escapeToken(t: string): string {
  const safe = t.replace(/~/g, "~0").replace(/\//g, "~1")
  return badString(safe) === null ? safe : [...safe].map((ch) => (badString(ch) === null ? ch : `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`)).join("")
}
