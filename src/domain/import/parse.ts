import Papa from "papaparse"

import { cleanText } from "../clean-text"

/**
 * CSV reading, incremental: `createCsvReader(text).next(2000)` returns the next rows, so a 100,000-row file
 * is parsed slice by slice between animation frames instead of in one long task.
 *
 * How: a cheap scan finds where the next N records end (a newline outside quotes, with papaparse's own
 * quoting rules), and papaparse parses that slice. Each slice holds whole records, so slicing changes
 * nothing in the result; papaparse still does the real work (quotes, doubled quotes, separators).
 */

export type CsvDelimiter = "," | ";" | "\t"

export interface CsvProblem {
  code: "unterminated_quote" | "malformed_quotes"
  message: string
}

export interface CsvRow {
  /** 1-based physical line where the row starts in the file, as a text editor numbers lines. */
  line: number
  /** Last physical line of the row (greater than `line` when a quoted value holds line breaks). */
  endLine?: number
  /** Raw values, untrimmed: rejected rows are written back exactly as they were. */
  cells: string[]
  /** The quoting of this row is broken: its values cannot be trusted. */
  problem?: CsvProblem
}

export interface CsvReaderOptions {
  /** Forces the separator; otherwise it is detected from the header line among `,` `;` and tab. */
  delimiter?: CsvDelimiter
}

export interface CsvReader {
  readonly headers: string[]
  /** Line of the header row; 0 when the file has no non-blank line. */
  readonly headerLine: number
  readonly delimiter: CsvDelimiter
  readonly done: boolean
  /** Share of the text read so far, 0 to 1, for a progress bar. */
  readonly progress: number
  /** The next non-blank rows, at most `maxRows`; an empty array only when the file is finished. */
  next(maxRows?: number): CsvRow[]
}

export interface ParsedCsv {
  headers: string[]
  headerLine: number
  delimiter: CsvDelimiter
  rows: CsvRow[]
}

const QUOTE = 34
const SPACE = 32
const NL = 10
const DELIMITERS: readonly CsvDelimiter[] = [";", ",", "\t"]

/** The whole file at once (previews, tests, small files). `maxRows` stops early for a preview. */
export function parseCsv(text: string, opts: CsvReaderOptions & { maxRows?: number } = {}): ParsedCsv {
  const reader = createCsvReader(text, opts)
  const max = opts.maxRows ?? Infinity
  const rows: CsvRow[] = []
  while (!reader.done && rows.length < max) {
    for (const row of reader.next(Math.min(5000, max - rows.length))) rows.push(row)
  }
  return { headers: reader.headers, headerLine: reader.headerLine, delimiter: reader.delimiter, rows }
}

export function createCsvReader(input: string, opts: CsvReaderOptions = {}): CsvReader {
  // One line-break convention makes line numbers and the scan simple; a lone CR (old Mac files) and CRLF
  // both end a line in every editor, and Excel's in-cell breaks are already LF.
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  if (text.includes("\r")) text = text.replace(/\r\n?/g, "\n")
  const n = text.length

  let pos = 0
  let line = 1
  let delimiter: CsvDelimiter | undefined = opts.delimiter

  // Excel honours a first line "sep=;" and some tools write it: it names the separator and is not a header.
  const sep = /^sep=(.)\n/i.exec(text)
  if (sep) {
    const d = sep[1] as CsvDelimiter
    if (DELIMITERS.includes(d)) delimiter ??= d
    pos = sep[0].length
    line = 2
  }
  delimiter ??= detectDelimiter(text, pos)
  const delim = delimiter
  const delimCode = delim.charCodeAt(0)

  /** Position just after the `records`-th record starting at `from` (a record may span lines). */
  function cutAfter(from: number, records: number): number {
    let p = from
    let count = 0
    while (p < n && count < records) {
      const nl = text.indexOf("\n", p)
      const lineEnd = nl === -1 ? n : nl
      const q = text.indexOf('"', p)
      p = q === -1 || q >= lineEnd ? lineEnd + 1 : endOfRecord(p)
      count++
    }
    return Math.min(p, n)
  }

  /** Walks a record field by field the way papaparse does, so a quote opens a value only at its start. */
  function endOfRecord(start: number): number {
    let p = start
    for (;;) {
      if (text.charCodeAt(p) === QUOTE) {
        let s = p + 1
        for (;;) {
          const q = text.indexOf('"', s)
          if (q === -1 || q === n - 1) return n
          if (text.charCodeAt(q + 1) === QUOTE) {
            s = q + 2
            continue
          }
          let k = q + 1
          while (text.charCodeAt(k) === SPACE) k++
          const c = text.charCodeAt(k)
          if (c === delimCode) {
            p = k + 1
            break
          }
          if (c === NL) return k + 1
          // A quote followed by other text does not close the value (papaparse reports InvalidQuotes and
          // keeps looking): do the same, or slices would cut inside a value.
          s = q + 1
        }
        continue
      }
      const d = text.indexOf(delim, p)
      const nl = text.indexOf("\n", p)
      if (nl === -1) {
        if (d === -1) return n
        p = d + 1
        continue
      }
      if (d !== -1 && d < nl) {
        p = d + 1
        continue
      }
      return nl + 1
    }
  }

  function parseSlice(slice: string, startLine: number): { rows: CsvRow[]; nextLine: number } {
    const result = Papa.parse<string[]>(slice, {
      delimiter: delim,
      newline: "\n",
      quoteChar: '"',
      escapeChar: '"',
      header: false,
      dynamicTyping: false,
      skipEmptyLines: false
    })
    const problems = new Map<number, CsvProblem>()
    for (const e of result.errors) {
      if (e.row === undefined) continue
      const known = problems.get(e.row)
      if (e.code === "MissingQuotes") problems.set(e.row, { code: "unterminated_quote", message: "" })
      else if (e.code === "InvalidQuotes" && !known) problems.set(e.row, { code: "malformed_quotes", message: "" })
    }
    const rows: CsvRow[] = []
    const data = result.data
    // papaparse reports the empty text after the final newline as one more row, [""].
    const last = data[data.length - 1]
    const phantom = slice.endsWith("\n") && last !== undefined && last.length === 1 && last[0] === ""
    const count = phantom ? data.length - 1 : data.length
    let at = startLine
    for (let i = 0; i < count; i++) {
      const cells = data[i]!
      let breaks = 0
      let blank = true
      for (const cell of cells) {
        if (cell.indexOf("\n") !== -1) breaks += countNewlines(cell)
        if (blank && cell.trim() !== "") blank = false
      }
      const problem = problems.get(i)
      for (let c = 0; c < cells.length; c++) cells[c] = cleanText(cells[c]!)
      const row: CsvRow = { line: at, endLine: at + breaks, cells }
      if (problem) {
        // An unterminated value runs to the end of the file and swallows its final line break.
        const swallowed = cells[cells.length - 1]?.endsWith("\n") ? 1 : 0
        row.endLine = at + breaks - swallowed
        row.problem = describe(problem.code, at, row.endLine)
      }
      if (!blank || problem) rows.push(row)
      at += breaks + 1
    }
    return { rows, nextLine: at }
  }

  // The header is the first non-blank record.
  let headers: string[] = []
  let headerLine = 0
  while (pos < n && headerLine === 0) {
    const cut = cutAfter(pos, 1)
    const { rows, nextLine } = parseSlice(text.slice(pos, cut), line)
    pos = cut
    line = nextLine
    const first = rows[0]
    if (first) {
      headers = first.cells.map((h) => h.replace(/\s+/g, " ").trim())
      headerLine = first.line
    }
  }

  let done = pos >= n
  return {
    headers,
    headerLine,
    delimiter: delim,
    get done() {
      return done
    },
    get progress() {
      return n === 0 ? 1 : pos / n
    },
    next(maxRows = 2000) {
      const wanted = Math.max(1, Math.floor(maxRows))
      while (pos < n) {
        const cut = cutAfter(pos, wanted)
        const { rows, nextLine } = parseSlice(text.slice(pos, cut), line)
        pos = cut
        line = nextLine
        if (rows.length > 0) {
          done = pos >= n
          return rows
        }
      }
      done = true
      return []
    }
  }
}

function countNewlines(s: string): number {
  let count = 0
  for (let i = s.indexOf("\n"); i !== -1; i = s.indexOf("\n", i + 1)) count++
  return count
}

function describe(code: CsvProblem["code"], line: number, endLine: number): CsvProblem {
  if (code === "unterminated_quote") {
    return {
      code,
      message:
        endLine > line
          ? `a quote opened on line ${line} is never closed, so lines ${line} to ${endLine} were read as one row; close the quote or remove it`
          : `a quote opened on line ${line} is never closed; close the quote or remove it`
    }
  }
  return { code, message: `a quoted value on line ${line} has text after its closing quote; quotes inside a value must be doubled ("")` }
}

/**
 * The separator is the candidate that occurs most often, outside quotes, in the first non-blank line:
 * header names rarely contain separators, whereas data cells (amounts "1,5", addresses) often do.
 */
export function detectDelimiter(text: string, from = 0): CsvDelimiter {
  let start = from
  let firstLine = ""
  while (start < text.length) {
    const nl = text.indexOf("\n", start)
    const candidate = text.slice(start, nl === -1 ? text.length : nl)
    if (candidate.trim() !== "") {
      firstLine = candidate
      break
    }
    if (nl === -1) break
    start = nl + 1
  }
  const unquoted = firstLine.replace(/"(?:[^"]|"")*"/g, "")
  let best: CsvDelimiter = ","
  let bestCount = 0
  for (const d of DELIMITERS) {
    const count = unquoted.split(d).length - 1
    if (count > bestCount) {
      best = d
      bestCount = count
    }
  }
  return best
}
