import { foldText } from "../search/fold-text"
import type { DocLanguage } from "./legal-mentions"
import { QUANTITY_SCALE } from "./money"

/**
 * The catalog's unit words (French, as the catalog and the order extractor write them: `orders/units.ts`) with
 * their singular and plural in each document language. Written out, never "add an s": "rouleau" → "rouleaux",
 * "colis" and "mois" do not change, and symbols (kg, m, L, h…) are not in the table, so they stay as written.
 */
const WORDS: ReadonlyArray<{ fr: readonly [string, string]; en: readonly [string, string] }> = [
  { fr: ["pièce", "pièces"], en: ["piece", "pieces"] },
  { fr: ["boîte", "boîtes"], en: ["box", "boxes"] },
  { fr: ["carton", "cartons"], en: ["carton", "cartons"] },
  { fr: ["caisse", "caisses"], en: ["case", "cases"] },
  { fr: ["ramette", "ramettes"], en: ["ream", "reams"] },
  { fr: ["flacon", "flacons"], en: ["bottle", "bottles"] },
  { fr: ["rouleau", "rouleaux"], en: ["roll", "rolls"] },
  { fr: ["palette", "palettes"], en: ["pallet", "pallets"] },
  { fr: ["lot", "lots"], en: ["pack", "packs"] },
  { fr: ["paquet", "paquets"], en: ["packet", "packets"] },
  { fr: ["sachet", "sachets"], en: ["bag", "bags"] },
  { fr: ["bidon", "bidons"], en: ["can", "cans"] },
  { fr: ["colis", "colis"], en: ["parcel", "parcels"] },
  { fr: ["unité", "unités"], en: ["unit", "units"] },
  { fr: ["douzaine", "douzaines"], en: ["dozen", "dozens"] },
  { fr: ["paire", "paires"], en: ["pair", "pairs"] },
  { fr: ["kit", "kits"], en: ["kit", "kits"] },
  { fr: ["tube", "tubes"], en: ["tube", "tubes"] },
  { fr: ["seau", "seaux"], en: ["bucket", "buckets"] },
  { fr: ["barquette", "barquettes"], en: ["tray", "trays"] },
  { fr: ["feuille", "feuilles"], en: ["sheet", "sheets"] },
  { fr: ["licence", "licences"], en: ["licence", "licences"] },
  { fr: ["forfait", "forfaits"], en: ["flat fee", "flat fees"] },
  { fr: ["heure", "heures"], en: ["hour", "hours"] },
  { fr: ["jour", "jours"], en: ["day", "days"] },
  { fr: ["semaine", "semaines"], en: ["week", "weeks"] },
  { fr: ["mois", "mois"], en: ["month", "months"] },
  { fr: ["an", "ans"], en: ["year", "years"] },
  { fr: ["année", "années"], en: ["year", "years"] },
  { fr: ["kilo", "kilos"], en: ["kilo", "kilos"] },
  { fr: ["litre", "litres"], en: ["litre", "litres"] },
  { fr: ["mètre", "mètres"], en: ["metre", "metres"] },
  { fr: ["tonne", "tonnes"], en: ["tonne", "tonnes"] }
]

/** Any form of a word, folded (accents, case), → its entry: a catalog written "Boîtes" or "box" is still known. */
const BY_FORM = new Map<string, (typeof WORDS)[number]>()
for (const w of WORDS) for (const f of [...w.fr, ...w.en]) BY_FORM.set(foldText(f), w)

const RULES: Record<DocLanguage, Intl.PluralRules> = { fr: new Intl.PluralRules("fr-FR"), en: new Intl.PluralRules("en-GB") }

/**
 * The unit as the quantity agrees with it in the document's language: 1 pièce, 1,5 pièce, 2 pièces (French
 * plural rules: 0 and 1,5 are singular), 1 box, 1.5 boxes (English). CLDR's rules say which form; a word this
 * table does not know, a symbol or an abbreviation (kg, m, L, u, pcs) is printed as the catalog wrote it.
 */
export function unitFor(unit: string, quantityMilli: number, lang: DocLanguage): string {
  const word = BY_FORM.get(foldText(unit))
  if (word === undefined) return unit
  // "many" (French millions: "1 000 000 de pièces") is the plural's form too.
  const form = word[lang][RULES[lang].select(quantityMilli / QUANTITY_SCALE) === "one" ? 0 : 1]
  const first = unit.charAt(0)
  return first !== first.toLowerCase() ? form.charAt(0).toUpperCase() + form.slice(1) : form
}

/**
 * What a form stores for the unit the agent typed where units are shown in a language (`unitFor`): a known word in
 * either language, singular or plural ("boxes", "Boîtes"), is stored as the line already had it when it names the
 * same unit (the catalog's spelling kept: the PDF, the Factur-X unit codes and the order extractor read it), else as
 * the catalog's French word ("cartons" → "carton"); a symbol or an unknown word ("mètre linéaire") as typed.
 */
export function unitToStore(typed: string, stored: string): string {
  const word = BY_FORM.get(foldText(typed))
  if (word === undefined) return typed
  const had = BY_FORM.get(foldText(stored))
  // "an" and "année" are one English "year": typing "years" over "an" keeps "an".
  return had !== undefined && (had === word || had.en[0] === word.en[0]) ? stored : word.fr[0]
}
