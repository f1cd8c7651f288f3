import { describe, expect, it } from "vitest"

import { createCsvReader, detectDelimiter, parseCsv, type CsvRow } from "./parse"

const simple = (rows: CsvRow[]): [number, string[]][] => rows.map((r) => [r.line, r.cells])

describe("parseCsv", () => {
  it("reads a comma-separated file with its line numbers", () => {
    const p = parseCsv("code,company\nC1,Dupont\nC2,Martin\n")
    expect(p.delimiter).toBe(",")
    expect(p.headers).toEqual(["code", "company"])
    expect(p.headerLine).toBe(1)
    expect(simple(p.rows)).toEqual([[2, ["C1", "Dupont"]], [3, ["C2", "Martin"]]])
  })

  it("detects semicolons, as French Excel writes them, even when values contain commas", () => {
    const p = parseCsv("Code client;Société;Encours\r\nC1;Dupont, Fils & Cie;10 000,00\r\n")
    expect(p.delimiter).toBe(";")
    expect(simple(p.rows)).toEqual([[2, ["C1", "Dupont, Fils & Cie", "10 000,00"]]])
  })

  it("detects tabs", () => {
    const p = parseCsv("code\tcompany\tcity\nC1\tDupont\tSaint-Étienne")
    expect(p.delimiter).toBe("\t")
    expect(simple(p.rows)).toEqual([[2, ["C1", "Dupont", "Saint-Étienne"]]])
  })

  it("keeps line breaks and doubled quotes inside quoted values and numbers the next rows by physical line", () => {
    const text = 'code;address;note\n' + 'C1;"3 quai de la Loire\nBâtiment B\nEscalier 2";"dit ""urgent"""\n' + "C2;1 rue A;x\n" + '"C3";"a;b";""\n'
    const p = parseCsv(text)
    expect(simple(p.rows)).toEqual([
      [2, ["C1", "3 quai de la Loire\nBâtiment B\nEscalier 2", 'dit "urgent"']],
      [5, ["C2", "1 rue A", "x"]],
      [6, ["C3", "a;b", ""]]
    ])
    expect(p.rows[0]!.endLine).toBe(4)
  })

  it("skips blank lines and separator-only lines without shifting line numbers", () => {
    const p = parseCsv("\n\ncode;company\n\nC1;Dupont\n;;\n   \nC2;Martin\n\n")
    expect(p.headerLine).toBe(3)
    expect(simple(p.rows)).toEqual([[5, ["C1", "Dupont"]], [8, ["C2", "Martin"]]])
  })

  it("counts CRLF and lone CR as one line break each", () => {
    expect(simple(parseCsv("a,b\r\n1,\"x\r\ny\"\r\n2,z\r\n").rows)).toEqual([[2, ["1", "x\ny"]], [4, ["2", "z"]]])
    expect(simple(parseCsv("a,b\r1,2\r3,4").rows)).toEqual([[2, ["1", "2"]], [3, ["3", "4"]]])
  })

  it("honours Excel's sep= first line", () => {
    const p = parseCsv("sep=,\ncode;x,company\nC1;y,Dupont\n")
    expect(p.delimiter).toBe(",")
    expect(p.headers).toEqual(["code;x", "company"])
    expect(p.headerLine).toBe(2)
    expect(simple(p.rows)).toEqual([[3, ["C1;y", "Dupont"]]])
  })

  it("takes a forced delimiter over detection", () => {
    expect(parseCsv("a;b,c\n1;2,3", { delimiter: "," }).headers).toEqual(["a;b", "c"])
  })

  it("reports an unterminated quote on the row where it opens, spanning the rest of the file", () => {
    const p = parseCsv('code,company\nC1,Dupont\nC2,"Martin\nC3,Durand\nC4,Petit\n')
    expect(p.rows).toHaveLength(2)
    const broken = p.rows[1]!
    expect(broken.line).toBe(3)
    expect(broken.endLine).toBe(5)
    expect(broken.problem?.code).toBe("unterminated_quote")
    expect(broken.problem?.message).toMatch(/line 3 .* lines 3 to 5/)
  })

  it("reports text after a closing quote as malformed quoting", () => {
    const p = parseCsv('code,company\nC1,"Dupont" SA,x\nC2,"ok",y\n')
    expect(p.rows[0]!.problem).toBeDefined()
  })

  it("treats a quote inside an unquoted value as a character", () => {
    expect(simple(parseCsv('ref,name\nR1,Tuyau 12" PVC\nR2,x\n').rows)).toEqual([[2, ["R1", 'Tuyau 12" PVC']], [3, ["R2", "x"]]])
  })

  it("trims header names and strips a BOM left in the text", () => {
    expect(parseCsv("\uFEFF code , company \n").headers).toEqual(["code", "company"])
  })

  it("returns no header and no rows for an empty or blank file", () => {
    expect(parseCsv("")).toMatchObject({ headers: [], headerLine: 0, rows: [] })
    expect(parseCsv("\n\n  \n")).toMatchObject({ headers: [], headerLine: 0, rows: [] })
  })

  it("stops at maxRows for a preview", () => {
    const text = "a\n" + Array.from({ length: 50 }, (_, i) => String(i)).join("\n")
    expect(parseCsv(text, { maxRows: 5 }).rows.map((r) => r.cells[0])).toEqual(["0", "1", "2", "3", "4"])
  })
})

describe("createCsvReader", () => {
  const tricky =
    'code;company;note\n\n' +
    'C1;"Dupont\nFils";"a ""b"" c"\n' +
    'C2;Tuyau 12" PVC;x\n' +
    ";;\n" +
    'C3;"x;y";"multi\n\nline"\n' +
    "C4;plain;z\n" +
    'C5;"end"\n'

  it("gives the same rows and line numbers whatever the slice size", () => {
    const whole = simple(parseCsv(tricky).rows)
    expect(whole.map(([line]) => line)).toEqual([3, 5, 7, 10, 11])
    for (const size of [1, 2, 3, 7, 1000]) {
      const reader = createCsvReader(tricky)
      const rows: CsvRow[] = []
      while (!reader.done) rows.push(...reader.next(size))
      expect(simple(rows)).toEqual(whole)
    }
  })

  it("reports progress from 0 to 1", () => {
    const reader = createCsvReader("a\n1\n2\n3\n4\n")
    expect(reader.progress).toBeGreaterThan(0)
    expect(reader.progress).toBeLessThan(1)
    reader.next(2)
    expect(reader.done).toBe(false)
    reader.next(10)
    expect(reader.done).toBe(true)
    expect(reader.progress).toBe(1)
    expect(reader.next(10)).toEqual([])
  })

  it("parses 100,000 rows quickly, slice by slice", () => {
    const lines = ["code;company;contact;email;phone;address;city;credit_limit"]
    for (let i = 0; i < 100_000; i++) {
      const address = i % 10 === 0 ? `"${i} rue de la Paix\nBâtiment ${i % 7}"` : `${i} rue de la Paix`
      lines.push(`C-${i};Société ${i} SARL;Amélie Lefèvre;amelie.${i}@example.fr;01 23 45 67 89;${address};Saint-Étienne;"10 000,00 €"`)
    }
    const text = lines.join("\r\n")
    const t0 = performance.now()
    const reader = createCsvReader(text)
    let count = 0
    let last: CsvRow | undefined
    let slowest = 0
    while (!reader.done) {
      const s = performance.now()
      const rows = reader.next(2000)
      slowest = Math.max(slowest, performance.now() - s)
      count += rows.length
      last = rows[rows.length - 1] ?? last
    }
    const ms = performance.now() - t0
    console.log(`parse: 100,000 rows (${(text.length / 1e6).toFixed(1)} MB) in ${ms.toFixed(0)} ms, slowest 2,000-row slice ${slowest.toFixed(1)} ms`)
    expect(count).toBe(100_000)
    expect(last?.line).toBe(1 + 100_000 + 10_000)
    expect(ms).toBeLessThan(5000)
  })
})

describe("detectDelimiter", () => {
  it("ignores separators inside quoted header names", () => {
    expect(detectDelimiter('"Nom, prénom";"Ville, pays";Code\n')).toBe(";")
  })

  it("looks past leading blank lines", () => {
    expect(detectDelimiter("\n\na\tb\tc\n")).toBe("\t")
  })

  it("falls back to a comma for a one-column file", () => {
    expect(detectDelimiter("code\nC1\n")).toBe(",")
  })
})
