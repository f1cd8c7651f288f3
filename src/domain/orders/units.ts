import { foldText } from "../search/fold-text"

/**
 * Units as customers write them (FR and EN, singular, plural, abbreviated) → the catalog's French unit words.
 * Packs, lots and packets are one family: a "pack" of a product sold by the "lot" is that lot.
 */
/** The unit word that counts the product in its own unit, whatever that is: see `lineUnit`. */
const EACH = "each"

const UNIT_WORDS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["carton", ["carton", "cartons", "ctn", "ctns", "caisse", "caisses", "case", "cases"]],
  ["boîte", ["boite", "boites", "bte", "btes", "bt", "box", "boxes", "bx"]],
  // "Stk." / "Stck." / "Stück": the German count of pieces, as a German writes it in French or English.
  ["pièce", ["piece", "pieces", "pc", "pcs", "pce", "pces", "exemplaire", "exemplaires", "ex", "stk", "stck", "stuck", "stueck"]],
  // "12 EA", "6 unités": one of whatever the product is sold by (an ERP's unit of measure "each").
  [EACH, ["unite", "unites", "unit", "units", "u", "ea", "each", "off", "nos"]],
  ["ramette", ["ramette", "ramettes", "ream", "reams", "rames", "rame"]],
  ["flacon", ["flacon", "flacons", "bouteille", "bouteilles", "btl", "btls", "bottle", "bottles", "fl"]],
  ["rouleau", ["rouleau", "rouleaux", "rlx", "roll", "rolls", "rlx"]],
  ["palette", ["palette", "palettes", "pallet", "pallets"]],
  ["lot", ["lot", "lots", "pack", "packs", "paquet", "paquets", "pqt", "pqts", "packet", "packets", "pkt"]],
  ["sachet", ["sachet", "sachets", "bag", "bags"]],
  ["bidon", ["bidon", "bidons", "jerrican", "jerricans", "can", "cans", "drum", "drums"]],
  ["colis", ["colis", "parcel", "parcels"]],
  ["kg", ["kg", "kgs", "kilo", "kilos", "kilogramme", "kilogrammes"]],
  ["heure", ["heure", "heures", "h", "hour", "hours", "hr", "hrs"]],
  ["an", ["an", "ans", "annee", "annees", "year", "years"]]
]

const BY_WORD = new Map<string, string>()
for (const [unit, words] of UNIT_WORDS) for (const w of words) BY_WORD.set(w, unit)

const FAMILY: Readonly<Record<string, string>> = { lot: "lot", pack: "lot", paquet: "lot" }

/** The canonical unit of a folded word, or null when it is not a unit. */
export function unitOfWord(word: string): string | null {
  return BY_WORD.get(foldText(word)) ?? null
}

/** The word counts in the product's own unit or its family (a "pack" of a product sold by the "lot"). */
export function sameUnitFamily(written: string, productUnit: string): boolean {
  const a = foldText(written)
  const b = foldText(productUnit)
  return a === b || (FAMILY[b] !== undefined && FAMILY[a] === FAMILY[b])
}

/** Words that are units only next to a number and otherwise ordinary words ("u", "h", "an", "can", "ex"). */
export const WEAK_UNIT_WORDS = new Set(["u", "h", "an", "ans", "can", "ex", "ea", "fl", "bt", "off", "nos"])

/**
 * The unit of an order line: the word the customer used, unless it names the same thing as the product's own
 * unit (a "pack" of a product sold by the "lot") or is a noun of the product's name ("3 palettes de stockage"
 * are 3 of the product "Palette de stockage", "250 boxes" 250 of the "Single-wall cardboard box", both sold by
 * the piece).
 */
export function lineUnit(written: string | null, product: { unit: string; nameFr: string; nameEn: string }): string {
  if (written === null || written === EACH) return product.unit
  const productUnit = foldText(product.unit)
  const canonical = foldText(written)
  if (canonical === productUnit) return product.unit
  const family = FAMILY[productUnit]
  if (family !== undefined && FAMILY[canonical] === family) return product.unit
  // "6 pieces" of washing-up liquid sold by the can, "3 Stk." of an extension lead: pieces counted of a product whose
  // name packs no count of items are that many of its own unit (a count of items it packs is converted by the caller).
  if (canonical === "piece" && packCount(product) === null && !/^(?:kg|g|l|ml|cl|heure|an)$/.test(productUnit)) return product.unit
  // "4 bags of ground coffee" sold by the packet ("paquet"): the packet is the bag it comes in (not a "lot" of batteries).
  if (canonical === "sachet" && productUnit === "paquet") return product.unit
  // "4 boxes (cases of 20)" of towels sold only by the case: the box a buyer names is the case they come in (not the
  // other way: "2 cartons" of gloves sold by the box are cartons of boxes).
  if (canonical === "boite" && OUTER.has(productUnit)) return product.unit
  // "4 cases" of toilet tissue sold by the parcel ("case of 96 rolls"): one outer container named for another is it.
  if (OUTER.has(canonical) && OUTER.has(productUnit)) return product.unit
  // Any word of the name outside its pack size: the "box" of "Single-wall cardboard box" is the product.
  const nameWords = foldText(`${product.nameFr} ${product.nameEn}`.replace(/\([^)]*\)/g, " ")).split(" ")
  for (const w of nameWords) if (w !== "" && !WEAK_UNIT_WORDS.has(w) && unitOfWord(w) === written) return product.unit
  return written
}

/** The outer containers a box can stand for ("a box of towels" is the case they come in). */
const OUTER = new Set(["carton", "colis"])

/**
 * How many items one unit of the product packs, when its name says it: "(boîte de 100)", "(case of 20 packs)", "(lot de
 * 24)", "Shipping labels (1,000)". Null when the name says no count (or a small one, a size rather than a pack).
 */
export function packCount(product: { nameFr: string; nameEn: string }): number | null {
  const names = `${product.nameFr} ${product.nameEn}`
  const m = /\((?:sachet|bag|pack|bo[iî]te|box|rouleau|roll|colis|case|lot|carton)s? (?:de|of) (\d{2,4})(?: [\p{L}]+)?\)/iu.exec(names) ?? /\((\d{1,3}(?:[\s\u00a0\u202f,.]\d{3})?)\)/u.exec(names)
  const n = m === null ? 0 : Number(m[1]!.replace(/[^\d]/g, ""))
  return n >= 10 ? n : null
}

/**
 * "12 cartons of still water (24 x 500ml)", « 8 caisses d'eau (24 bouteilles) » of water sold by the pack of 24: the
 * carton said to hold as many items as the product's pack is that pack (a carton of what it does not say holds a number
 * of packs).
 */
export function containerHoldsOnePack(text: string, product: { nameFr: string; nameEn: string }): boolean {
  const n = packCount(product)
  const said = /\(\s*(\d{1,3})\s*[x×*]\s*\d+(?:[.,]\d+)?\s*(?:ml|cl|l|g|kg)\b|(?<![\d.,])(\d{1,3})\s*[x×*]\s*\d+(?:[.,]\d+)?\s*(?:ml|cl)\b|\(\s*(\d{1,3})\s+(?:bouteilles|bottles|canettes|cans|flacons)\s*(?:de\s[^)]*|of\s[^)]*)?\)/iu.exec(text)
  return n !== null && said !== null && Number(said[1] ?? said[2] ?? said[3]) === n
}
