import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"

import { Product } from "../customers/customer.schema"
import { decodeCsvBytes } from "./decode"
import { autoMapProductHeaders } from "./headers"
import { parseCsv } from "./parse"
import { createProductImporter, mergeProduct, previewProducts } from "./product-import"

const NOW = Date.UTC(2026, 10, 15)
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../../tests/fixtures/csv/${name}`, import.meta.url)))

function run(text: string) {
  const parsed = parseCsv(text)
  let n = 0
  const importer = createProductImporter({ mapping: autoMapProductHeaders(parsed.headers).mapping, now: NOW, newId: () => `p-${++n}`, columnCount: parsed.headers.length })
  importer.addRows(parsed.rows)
  return importer.finish()
}

describe("product import", () => {
  it("reads a product's category from a \"Famille\" column, and keeps the stored one when the file has none", () => {
    const r = run("Réf;Désignation;Prix HT;TVA;Famille\nRAM-A4;Ramette A4;5,49;20;Papeterie\nCAFE;Café;18,90;5,5;\n")
    expect(r.products.map(({ product: p }) => [p.ref, p.category])).toEqual([["RAM-A4", "Papeterie"], ["CAFE", undefined]])
    const stored = { ...r.products[0]!.product, id: "p-stored" }
    expect(mergeProduct({ ...stored, category: "Papier" }, r.products[1]!, NOW).category).toBe("Papier")
    expect(mergeProduct({ ...stored, category: "Papier" }, r.products[0]!, NOW).category).toBe("Papeterie")
  })

  it("reads a 0 % product's exemption mentions in French and English, and an older file without those columns still imports", () => {
    const r = run(
      "ref;name_fr;unit_price;vat_rate;category;Mention d'exonération;Mention d'exonération EN\n" +
        "FORM-1;Formation HACCP;450;0;Formation;Exonération de TVA, article 261-4-4° du CGI;VAT exempt: vocational training (CGI 261-4-4°)\n" +
        "FORM-2;Formation incendie;300;0;Formation;TVA non applicable, art. 293 B du CGI;\n" +
        "RAM-A4;Ramette A4;5,49;20;Papeterie;Exonéré;Exempt\n"
    )
    expect(r.rejected).toEqual([])
    expect(r.products.map(({ product: p }) => [p.ref, p.vatExemption, p.vatExemptionEn])).toEqual([
      ["FORM-1", "Exonération de TVA, article 261-4-4° du CGI", "VAT exempt: vocational training (CGI 261-4-4°)"],
      ["FORM-2", "TVA non applicable, art. 293 B du CGI", undefined],
      // A taxed product prints no mention: the cells are not kept, as in the catalog form.
      ["RAM-A4", undefined, undefined]
    ])
    for (const { product } of r.products) expect(Product.safeParse(product).success).toBe(true)
    // Re-imported from a file without the columns, the stored mentions stay.
    const stored = { ...r.products[0]!.product, id: "p-stored" }
    const older = run("ref;name_fr;unit_price;vat_rate\nFORM-1;Formation HACCP;480;0\n")
    expect(older.rejected).toEqual([])
    expect(mergeProduct(stored, older.products[0]!, NOW)).toMatchObject({ unitPriceCents: 48_000, vatExemption: stored.vatExemption, vatExemptionEn: stored.vatExemptionEn })
  })

  it("reports a row with an English mention but no French one, and one whose mention is too long, and takes the others", () => {
    const r = run(`ref,name_fr,unit_price,vat_rate,vat_exemption,vat_exemption_en\nA,a,1,0,,VAT exempt\nB,b,1,0,${"x".repeat(301)},\nC,c,1,0,Exonération de TVA,\n`)
    expect(r.rejected.map((x) => [x.line, x.code])).toEqual([
      [2, "missing_vat_exemption"],
      [3, "too_long"]
    ])
    expect(r.products.map((p) => p.product.ref)).toEqual(["C"])
  })

  it("reads French prices and VAT rates from the fixture and reports the bad rows on their lines", () => {
    const r = run(decodeCsvBytes(fixture("products-fr.csv")).text)
    expect(r.products.map(({ product: p }) => [p.ref, p.nameFr, p.nameEn, p.unit, p.unitPriceCents, p.vatRateBp])).toEqual([
      ["REF-1001", "Ramette papier A4 80 g", "A4 copy paper 80 gsm", "ramette", 549, 2000],
      ["REF-1002", "Café en grains 1 kg", "Coffee beans 1 kg", "kg", 1890, 550],
      ["REF-1003", "Livre « Gestion commerciale »", "Livre « Gestion commerciale »", "pièce", 3200, 550],
      ["REF-1004", "Contrat de maintenance annuel", "Annual maintenance contract", "an", 123_456, 2000],
      ["REF-1005", "Médicament vétérinaire", "Veterinary medicine", "boîte", 1450, 210]
    ])
    expect(r.rejected.map((x) => [x.line, x.code])).toEqual([
      [7, "invalid_vat_rate"],
      [8, "invalid_price"],
      [9, "duplicate_ref"],
      [10, "missing_ref"]
    ])
    expect(r.rejected[0]!.reason).toMatch(/not plausible/)
    expect(r.rejected[2]!.reason).toBe('reference "REF-1001" is already on line 2')
    for (const { product } of r.products) expect(Product.safeParse(product).success).toBe(true)
    expect(r.stats).toEqual({ rows: 9, acceptedRows: 5, rejectedRows: 4, products: 5, warnings: 0 })
  })

  it("knows which fields the file gave, so a one-language file leaves the other name alone on merge", () => {
    const r = run("ref,name,unit_price,vat_rate\nREF-1,Coffee beans,18.90,5.5\n")
    const { product, given } = r.products[0]!
    expect([product.nameFr, product.nameEn, product.unit]).toEqual(["Coffee beans", "Coffee beans", "pièce"])
    expect([...given]).toEqual(["ref", "name_en", "unit_price", "vat_rate"])
    const stored: Product = { id: "old", ref: "REF-1", nameFr: "Café en grains", nameEn: "Beans", unit: "kg", unitPriceCents: 1500, vatRateBp: 550, createdAt: 1, updatedAt: 1 }
    expect(mergeProduct(stored, r.products[0]!, NOW)).toEqual({ ...stored, nameEn: "Coffee beans", unitPriceCents: 1890, updatedAt: NOW })
    expect(mergeProduct(undefined, r.products[0]!, NOW)).toEqual({ ...product, updatedAt: NOW })
  })

  it.each([
    ["REF-1,Papier,,20", "missing_price"],
    ["REF-1,Papier,12,", "missing_vat_rate"],
    ["REF-1,,12,20", "missing_name"],
    ["REF-1,Papier,12 $,20", "invalid_price"],
    ["REF-1,Papier,12,0.9", "invalid_vat_rate"]
  ])("refuses %j with %s", (line, code) => {
    expect(run(`ref,name_fr,unit_price,vat_rate\n${line}\n`).rejected.map((r) => r.code)).toEqual([code])
  })

  it("previews the first rows", () => {
    const parsed = parseCsv("ref,name_fr,unit_price,vat_rate\nA,a,1,20\nB,b,2,20\nC,c,3,20\n")
    const p = previewProducts(parsed.rows, { mapping: autoMapProductHeaders(parsed.headers).mapping, now: NOW, newId: () => "x" }, 2)
    expect(p.products.map((x) => x.product.ref)).toEqual(["A", "B"])
  })

  it("needs a reference, a name, a price and a VAT rate mapped", () => {
    expect(() => createProductImporter({ mapping: { ref: 0, name_fr: 1, unit_price: 2 }, now: NOW, newId: () => "x" })).toThrow(/vat_rate/)
  })
})
