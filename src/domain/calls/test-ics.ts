/**
 * Reads an iCalendar file back the way a calendar does (RFC 5545 §3.1): lines unfolded, each property split into
 * its name, parameters and value, a parameter's double quotes taken off. No iCalendar parser is in node_modules:
 * this one is small on purpose, and strict where a calendar would choke (a line longer than 75 octets, a fold that
 * is not CRLF + one space or tab, a bare double quote inside a quoted parameter).
 */
export interface IcsProperty {
  name: string
  params: Record<string, string>
  value: string
}

export function unfoldIcs(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, "").split("\r\n").filter((l) => l !== "")
}

export function readIcs(ics: string): IcsProperty[] {
  return unfoldIcs(ics).map(readLine)
}

/** The lines as written, where RFC 5545 says a line should be at most 75 octets (UTF-8), folds excluded. */
export function physicalLines(ics: string): string[] {
  return ics.split("\r\n").filter((l) => l !== "")
}

export const octets = (s: string) => new TextEncoder().encode(s).length

function readLine(line: string): IcsProperty {
  // name *(";" param) ":" value, where a quoted parameter value may hold ";" ":" and ",".
  const params: Record<string, string> = {}
  let i = 0
  const name = /^[A-Za-z0-9-]+/.exec(line)?.[0] ?? ""
  i = name.length
  while (line[i] === ";") {
    const eq = line.indexOf("=", i)
    const key = line.slice(i + 1, eq).toUpperCase()
    let value: string
    if (line[eq + 1] === '"') {
      const close = line.indexOf('"', eq + 2)
      value = line.slice(eq + 2, close)
      i = close + 1
    } else {
      const end = line.slice(eq + 1).search(/[;:]/)
      value = line.slice(eq + 1, eq + 1 + end)
      i = eq + 1 + end
    }
    params[key] = value
  }
  if (line[i] !== ":") throw new Error(`not a content line: ${line}`)
  return { name: name.toUpperCase(), params, value: line.slice(i + 1) }
}

/** A TEXT value as written (RFC 5545 §3.3.11): "\\," "\\;" "\\\\" and "\\n" read back. */
export function textValue(v: string): string {
  return v.replace(/\\([nN,;\\])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c))
}

/** The e-mail of a CAL-ADDRESS (`mailto:` in any case). */
export const mailtoOf = (v: string) => v.replace(/^mailto:/i, "")
