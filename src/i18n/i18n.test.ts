import { readdirSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"

import { describe, expect, it } from "vitest"

import { createI18n, resolveLanguage } from "./index"
import en from "./locales/en.json"
import fr from "./locales/fr.json"

type Tree = { [k: string]: string | Tree }

function keysOf(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [prefix + k] : keysOf(v, `${prefix}${k}.`)))
}

/** Plural forms count as their base key: `days_one`/`days_other` → `days`. */
const base = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, "")

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) return sourceFiles(p)
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : []
  })
}

describe("translations", () => {
  const enKeys = keysOf(en as Tree).sort()
  const frKeys = keysOf(fr as Tree).sort()

  it("keep the order capture's French guillemets with the words they quote: no closing » alone on the next line", () => {
    const capture = (fr as Tree).orderCapture as Tree
    const strings = keysOf(capture).map((k) => k.split(".").reduce<string | Tree>((t, part) => (t as Tree)[part]!, capture) as string)
    const quoting = strings.filter((s) => /[«»]/.test(s))
    expect(quoting.length).toBeGreaterThan(5)
    expect(quoting.filter((s) => /« | »/.test(s))).toEqual([])
  })

  it("have the same keys in French and English", () => {
    expect(frKeys).toEqual(enKeys)
  })

  it("name keys feature.section.key", () => {
    for (const k of enKeys) expect(k.split(".").length, k).toBeGreaterThanOrEqual(3)
  })

  it("define every key the code uses, so no key ever shows through", () => {
    const known = new Set(enKeys.map(base))
    const missing: string[] = []
    for (const file of [...sourceFiles("src"), ...sourceFiles("popup"), ...sourceFiles("options"), ...sourceFiles("contents")]) {
      const text = readFileSync(file, "utf8")
      for (const m of text.matchAll(/\bt\(\s*"([a-zA-Z0-9_.]+)"/g)) if (!known.has(m[1]!)) missing.push(`${file}: ${m[1]}`)
      // Template keys like t(`card.match.${kind}`): some key must start with the static part.
      for (const m of text.matchAll(/\bt\(\s*`([a-zA-Z0-9_.]+)\$\{/g)) if (![...known].some((k) => k.startsWith(m[1]!))) missing.push(`${file}: ${m[1]}…`)
    }
    expect(missing).toEqual([])
  })

  it("leave no value empty and no placeholder untranslated between languages", () => {
    const frFlat = new Map(keysOf(fr as Tree).map((k) => [k, k.split(".").reduce<Tree | string>((t, p) => (t as Tree)[p]!, fr as Tree) as string]))
    const enFlat = new Map(keysOf(en as Tree).map((k) => [k, k.split(".").reduce<Tree | string>((t, p) => (t as Tree)[p]!, en as Tree) as string]))
    for (const [k, v] of enFlat) {
      expect(v.trim(), k).not.toBe("")
      const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
      expect(vars(frFlat.get(k)!), k).toEqual(vars(v))
    }
  })

  it("follows the setting, else the browser, French for any fr-* locale", () => {
    expect(resolveLanguage(null, "fr-CA")).toBe("fr")
    expect(resolveLanguage(null, "de-DE")).toBe("en")
    expect(resolveLanguage("en", "fr-FR")).toBe("en")
  })

  it("call the credit limit « encours autorisé » (« plafond » for short on the card), never « plafond de crédit »", () => {
    const frFlat = keysOf(fr as Tree).map((k) => [k, k.split(".").reduce<Tree | string>((t, p) => (t as Tree)[p]!, fr as Tree) as string] as const)
    expect(frFlat.filter(([, v]) => /plafond de crédit|limite de crédit/i.test(v)).map(([k]) => k)).toEqual([])
    expect(frFlat.filter(([, v]) => /encours autorisé/i.test(v)).length).toBeGreaterThan(3)
  })

  it("call the manager role by one French word, « responsable », never the English « manager »", () => {
    const frFlat = keysOf(fr as Tree).map((k) => [k, k.split(".").reduce<Tree | string>((t, p) => (t as Tree)[p]!, fr as Tree) as string] as const)
    expect(frFlat.filter(([, v]) => /\bmanagers?\b/i.test(v)).map(([k]) => k)).toEqual([])
    expect(createI18n("fr").t("options.team.roles.manager")).toBe("responsable")
    expect(createI18n("fr").t("callScript.list.introUse")).toContain("responsable")
  })

  it("write English percentages with the sign against the number, \"5%\", never the French \"5 %\"", () => {
    const flat = keysOf(en as Tree).map((k) => [k, k.split(".").reduce<Tree | string>((t, p) => (t as Tree)[p]!, en as Tree) as string] as const)
    expect(flat.filter(([, v]) => /(\d|\}\})\s%/.test(v)).map(([k, v]) => `${k}: ${v}`)).toEqual([])
    expect(createI18n("en").t("catalog.priceSource.priceWithDiscount", { price: "£12.00", percent: "5" })).toBe("£12.00 less 5%")
  })

  it("pluralises in both languages", () => {
    expect(createI18n("fr").t("card.fields.days", { count: 30 })).toBe("30 jours")
    expect(createI18n("en").t("card.fields.days", { count: 1 })).toBe("1 day")
  })

  it("write counts with the interface language's thousands separator: 2,000 in English, 2 000 in French", () => {
    expect(createI18n("en").t("popup.base.count", { count: 2000 })).toBe("2,000 customers in your base")
    // French groups digits with a narrow no-break space (Intl's fr-FR), which never breaks the number over two lines.
    expect(createI18n("fr").t("popup.base.count", { count: 2000 })).toBe("2\u202f000 clients dans votre fichier")
  })

  it("format every count shown to the user as a number (counts, imported rows, documents shown, rows received), so none is left ungrouped", () => {
    const flat = (tree: Tree) => keysOf(tree).map((k) => [k, k.split(".").reduce<Tree | string>((t, p) => (t as Tree)[p]!, tree) as string] as const)
    for (const [k, v] of [...flat(en as Tree), ...flat(fr as Tree)]) expect(v, k).not.toMatch(/\{\{(count|rows|created|updated|shown|pulled|total)\}\}/)
  })
})
