import type { Product } from "../customers/customer.schema"
import { foldText } from "../search/fold-text"
import { normalizeSizes, sizeLettersInList } from "./normalize"
import { otherSizeOf } from "./variants"
import { rewriteLines } from "./line-rewrites"
import { cellsOf, headerOf, type Columns } from "./table-header"
import { isExcludedNumber } from "./not-quantities"
import { dozens, hundreds, NUMBER_WORDS, spaceMultipliers, spokenQuantities, withoutNegated, withoutPurpose, withTotalsSaid } from "./line-words"
import { measureOfName, ownNumbersOnly, packSaid, packsOf, productIn, tokenize, type Group, type LineOptions, type Token } from "./line-product"
import { ADDRESS_SENTENCE, ASKED_INSTEAD, EARLIER_REST, LEAVE_OUT, NOT_A_LINE, PHONE_OR_POSTCODE, placeAfterGoods, REMAINDER, SENT_TO, sentencesOf, TAKEN_OFF, USUAL_ADDRESS } from "./line-sentences"
import { roughCount, roundCounts } from "./rough-counts"
import { tableRow } from "./table-rows"
import { containerHoldsOnePack, lineUnit, sameUnitFamily, unitOfWord, WEAK_UNIT_WORDS } from "./units"

/** An order line found in the mail, with what it rests on. */
export interface FoundLine {
  product: Product
  quantity: number
  unit: string
  confidence: number
  evidence: string
  /** The attachment the line was read in (its file name); absent for the mail's own text. */
  source?: string
  /**
   * Its count was said roughly (« une vingtaine de », "a dozen", rough-counts.ts): the review shows it to check. Its
   * confidence as read is kept, so whether the mail is an order weighs as before.
   */
  rough?: true
}

/**
 * "…, soit 60 packs", "(that's 120 packs)", "i.e. 30 boxes", "(4 kg par sac, donc 8 kg)": the count said again, in other
 * units.
 */
const RESTATED = /[,;(–-]?\s*\b(?:soit|donc|so|i\.\s?e\.|ie|that['’]?s|that is|which is|c['’]est[- ][àa][- ]dire)\s+(\d{1,5})\s+([\p{L}]+)\s*\)?/iu
/**
 * "a carton of AA batteries - 4 packs should do it", "(4 packs is plenty)", "un carton de piles, 3 lots suffiront": the
 * count said to be enough.
 */
const ENOUGH = /\s[-–,;(]\s*(\d{1,5})\s+([\p{L}]+)\s+(?:should do|will do|would do|is enough|are enough|should be enough|is plenty|are plenty|(?:should|will|would) be plenty|devraient suffire|suffiront|suffira|ça ira|ca ira)\b[^.;!?()]*\)?/iu
const QTY_LABEL = /(?:qt[ée]s?|qte|qty|quantit[ée]s?|quantity|quantities|nb|nombre|nbr|number of)\s*\.?\s*[:=]?\s*$/i
/** Words that tell variants of one product apart: sizes and colours. */
const VARIANT_WORDS = /\b(?:taille|size|xs|s|m|l|xl|xxl|small|medium|large|extra large|petite?s?|moyens?|moyennes?|grandes?|grands?|blue|bleue?s?|black|noire?s?|red|rouges?|green|verte?s?|yellow|jaunes?|white|blanche?s?|colou?r|couleur)\b/gi
// The inner unit may be followed by "de …", by the product's own words ("2 cartons de 5 ramettes A4 80 g") or by
// nothing; the rewrite is kept only when every line it gives is in its product's own unit (linesOfText).
const NESTED = /\b(\d{1,3}|une?|one|a)\s+([\p{L}]+)\s+(?:de|d['’]|of)\s*(\d{1,4})\s+([\p{L}]+)(?![\p{L}\d])/iu

/** Words of a sentence that asks for goods: without them "un café de qualité" is an article, not one coffee. */
/** A phrase quoted inside a line, with no figure: "the blue things you sent last time", « comme la dernière fois ». */
const QUOTED_WORDS = /"[^"\d]{3,80}"|“[^”\d]{3,80}”|«[^»\d]{3,80}»/g
const ASKING = /\b(?:command\w*|livr\w*|envo\w*|exp[ée]di\w*|faudr\w*|besoin|souhait\w*|voudr\w*|prend\w*|prenons|rajout\w*|ajout\w*|mett\w*|merci de|svp|send|order\w*|need\w*|want|like|please|pls|add|supply|deliver\w*|ship|get|require\w*)\b/i

function quantityIn(text: string, tokens: Token[], g: Group, asking: boolean): { quantity: number; unit: string | null; cue: number; at: number } | null {
  let best: { quantity: number; unit: string | null; cue: number; at: number } | null = null
  for (let i = g.from; i < g.to; i++) {
    const t = tokens[i]!
    let value = t.num
    let wordNumber = false
    if (value === null) {
      const w = NUMBER_WORDS[t.folded]
      const next = tokens[i + 1]
      // "deux cartons", "a box of", "une douzaine": a number word counts only before a unit; before a word that is a
      // unit only sometimes ("can"), when "of" follows it ("one can of the multi-surface").
      if (w !== undefined && next !== undefined && unitOfWord(next.folded) !== null && (!WEAK_UNIT_WORDS.has(next.folded) || /^(?:of|de|d)$/.test(tokens[i + 2]?.folded ?? ""))) {
        value = w
        wordNumber = true
      } else if (w !== undefined && w > 0 && t.folded !== "a" && t.folded !== "an" && (w > 1 || asking) && next !== undefined && (g.used.has(i + 1) || (g.used.has(i + 2) && next.num === null && !next.sep)) && ![...g.used].some((k) => k < i)) {
        // "une rallonge 3 m", "two extension leads", "vingt ampoules LED-E27": a number word right before the
        // product's first word (or the word before its ref).
        value = w
        wordNumber = true
      } else continue
    }
    // A number the product's name also has ("détergent 5 L") is the quantity only when a unit follows it
    // ("5 bidons de détergent multi-surfaces").
    if (value <= 0) continue
    // So is one before the unit the product is sold by, ahead of the name: "1 kg de café en grains" (sold by the kg).
    // The unit is compared by family: "24 packs still water" is 24 of the water sold by the pack of 24.
    const nextWordUnit = tokens[i + 1] === undefined ? null : unitOfWord(tokens[i + 1]!.folded)
    const soldBy = nextWordUnit !== null && ![...g.used].some((k) => k < i) && sameUnitFamily(nextWordUnit, g.product.unit)
    // "10 x packs yellow highlighters (pack of 10)": a number with "x" after it, ahead of the name, counts the goods even
    // when the name has the same number.
    const times = tokens[i + 1]?.folded === "x" && tokens[i + 2] !== undefined && tokens[i + 2]!.num === null && ![...g.used].some((k) => k < i)
    // "3 rallonges" of the "Rallonge électrique 3 m": a number of the name right before the name's first word, neither
    // its measure nor a unit it packs ("96 rouleaux" of the "colis de 96 rouleaux"), counts the goods.
    const counts = g.used.has(i + 1) && tokens[i + 1]!.num === null && unitOfWord(tokens[i + 1]!.folded) === null && !/^(?:l|ml|cl|g|kg|mm|cm|m|w|gsm|x|×)$/.test(tokens[i + 1]!.folded) && ![...g.used].some((k) => k < i)
    // "110L bin bags: 25 rolls" of the "Bin bags 110 L (roll of 25)": after the name and a colon, a number then the unit the
    // product is sold by counts the goods, even when the name's pack has the same number.
    const countAfterColon = nextWordUnit !== null && /[:=]\s*$/.test(text.slice(Math.max(0, t.start - 3), t.start)) && [...g.used].some((k) => k < i) && sameUnitFamily(nextWordUnit, g.product.unit)
    if (g.used.has(i) && !soldBy && !times && !counts && !countAfterColon && !(tokens[i + 1] !== undefined && unitOfWord(tokens[i + 1]!.folded) !== null && !WEAK_UNIT_WORDS.has(tokens[i + 1]!.folded) && !g.used.has(i + 1))) continue
    if (!wordNumber && isExcludedNumber(text, tokens, i)) continue
    // "SAV-1L Liquid hand soap 1L": the product's own measure, written after its ref, is no quantity.
    if (!wordNumber && tokens[i + 1] !== undefined && [...g.used].some((k) => k < i) && measureOfName(g.product, t.raw, tokens[i + 1]!.folded)) continue
    // "bin bags big (110) 4 rolls", "Bin bags 50 L (roll of 50) x 2": a number of the product's name ending a bracket
    // after it is its size or its pack, no count.
    if (!wordNumber && [...g.used].some((k) => k < i) && /\([^()]*$/.test(text.slice(0, t.start)) && /^\s*\)/.test(text.slice(t.end)) && ownNumbersOnly([t], g.product)) continue
    // "ESS-300 Essuie-mains (carton de 20 paquets) : 2 cartons": the pack its name tells, in brackets after the name, is no
    // count when the piece has a number its name does not.
    if (!wordNumber && [...g.used].some((k) => k < i) && /\([^()]*$/.test(text.slice(0, t.start)) && /^[^()]*\)/.test(text.slice(t.end)) && ownNumbersOnly([t], g.product) && tokens.some((o, j) => j >= g.from && j < g.to && o.num !== null && !ownNumbersOnly([o], g.product))) continue
    // "chaînes obligatoires à partir de 1 400 m": a length or a volume measured (in lower case: "4 M" is a size), no count.
    if (!wordNumber && !g.used.has(i) && /^\s?(?:\d{3}\s)?(?:m|cm|mm|km|ml|cl)(?![\p{L}\d])/u.test(text.slice(t.end))) continue
    const before = text.slice(Math.max(0, t.start - 24), t.start)
    const prev = tokens[i - 1]
    const next = tokens[i + 1]
    let cue = 3
    let unit: string | null = null
    const nextUnit = next !== undefined && !g.used.has(i + 1) ? unitOfWord(next.folded) : null
    // "160 x 80" after the name's "160": the other side of its dimension, no quantity ("GN 4410 x 20" is 20 of it).
    if (prev?.folded === "x" && g.used.has(i - 2) && tokens[i - 2]!.num !== null && g.byRef !== true && !text.slice(tokens[i - 2]!.end, prev.start).includes(")")) continue
    // "4 storage pallets 1200 x 800", "30 boxes 600 x 400 x 400": sizes of a hundred or more on both sides of "x", no
    // measure after them, are the goods' width and length in millimetres, neither a count nor a count times a pack.
    const measured = (j: number): boolean => /^(?:l|ml|cl|g|kg)$/.test(tokens[j]?.folded ?? "")
    if (value >= 100 && ((next?.folded === "x" && (tokens[i + 2]?.num ?? 0) >= 100 && !measured(i + 3)) || (prev?.folded === "x" && (tokens[i - 2]?.num ?? 0) >= 100 && !measured(i + 1)))) continue
    if (QTY_LABEL.test(before)) cue = 10
    else if (prev !== undefined && prev.folded === "x" && !g.used.has(i - 1)) cue = 9
    else if (next !== undefined && next.folded === "x") cue = 9
    // A weak unit word in capitals is a word ("gants L", "AN") unless it is an ERP's "EA".
    if (nextUnit !== null && !(WEAK_UNIT_WORDS.has(next!.folded) && next!.raw !== next!.raw.toLowerCase() && next!.folded !== "ea")) {
      unit = nextUnit
      cue = Math.max(cue, 8)
    } else if (next !== undefined && next.folded === "x") {
      const after = tokens[i + 2]
      const u = after !== undefined ? unitOfWord(after.folded) : null
      if (u !== null && !WEAK_UNIT_WORDS.has(after!.folded)) unit = u
    }
    if (cue === 3 && (i === g.from || tokens.slice(g.from, i).every((k) => k.sep))) cue = 6
    // "100 cartons 40x30x30": right before the product's first word, the way a unit word would be.
    if (cue < 7 && next !== undefined && g.used.has(i + 1) && ![...g.used].some((k) => k < i)) cue = 7
    if (cue === 3 && /^\s*$/.test(text.slice(t.end)) ) cue = 5
    if (cue === 3 && /:\s*$/.test(before)) cue = 5
    if (best === null || cue > best.cue) best = { quantity: value, unit, cue, at: i }
  }
  return best
}

const SIZE = "(?:small|medium|large|xxl|xl|xs|s|m|l)(?![a-z])"
const SIZE_LETTER: Readonly<Record<string, string>> = { small: "S", medium: "M", large: "L" }
/** "5 boîtes de chaque taille (S, M et L)", "10 of each size: S, M, L": the same line once per size. */
const EACH_SIZE = new RegExp(`\\b(?:de |d['’]|of |in )?(?:chaque|each|every)\\s+(?:taille|size)s?\\s*[:(]?\\s*(${SIZE}(?:\\s*(?:,|/|et|and|&|\\+)\\s*${SIZE})+)\\s*\\)?`, "i")

const EACH_WORD = /\b(?:each|of each|chacune?s?|de chaque)\b\s*:?/i
const SIZE_LIST = new RegExp(`(?<![\\p{L}\\d])(${SIZE}(?:\\s*(?:,|/|et|and|&|\\+)\\s*${SIZE})+)(?![\\p{L}\\d])`, "iu")

/** Order lines of one line of text (a sentence may name several products). */
function linesOfText(raw: string, opts: LineOptions, nextLine: string | null, nested = true): { lines: FoundLine[]; usedNext: boolean } {
  // "1 carton de 10 boîtes de gants M", "2 cases of 12 bottles of soap": packs within a pack count in the inner
  // unit when that is the product's own (10 boxes of gloves sold by the box); otherwise as written.
  const nest = nested ? NESTED.exec(raw) : null
  if (nest !== null && unitOfWord(nest[2]!) !== null && unitOfWord(nest[4]!) !== null && unitOfWord(nest[2]!) !== unitOfWord(nest[4]!)) {
    const outer = /^\d+$/.test(nest[1]!) ? Number(nest[1]) : (NUMBER_WORDS[nest[1]!.toLowerCase()] ?? 1)
    const alt = linesOfText(raw.replace(nest[0], `${outer * Number(nest[3])} ${nest[4]} `), opts, nextLine, false)
    if (alt.lines.length > 0 && alt.lines.every((l) => l.unit === l.product.unit)) return { ...alt, lines: alt.lines.map((l) => ({ ...l, evidence: raw.trim() })) }
  }
  // "une palette d'eau plate 50 cl, soit 60 packs", "two pallets of water (that's 120 packs)": the count said again in
  // the unit the product is sold by is the one to keep (said in another unit, it only explains the first).
  const again = RESTATED.exec(raw) ?? ENOUGH.exec(raw)
  const againUnit = again === null ? null : unitOfWord(again[2]!)
  if (again !== null && againUnit !== null) {
    const first = linesOfText(raw.replace(again[0], " "), opts, nextLine, nested)
    if (first.lines.length === 1 && sameUnitFamily(againUnit, first.lines[0]!.product.unit)) return { ...first, lines: [{ ...first.lines[0]!, quantity: Number(again[1]), unit: first.lines[0]!.product.unit, evidence: raw.trim() }] }
    // "2 x extension leads, a carton of AA batteries (4 packs is plenty) and 6 rolls of bin bags": in a list, the count
    // said again is the one of the product named in the piece right before it.
    const piece = linesOfText(raw.slice(0, again.index).split(/[,;]|\s[-–]\s|\s(?:and|et|plus)\s/).pop() ?? "", opts, null, nested).lines
    const at = piece.length === 1 && sameUnitFamily(againUnit, piece[0]!.product.unit) ? first.lines.findIndex((l) => l.product.ref === piece[0]!.product.ref) : -1
    if (first.lines.length > 1 && at >= 0) return { ...first, lines: first.lines.map((l, k) => ({ ...l, evidence: raw.trim(), ...(k === at ? { quantity: Number(again[1]), unit: l.product.unit } : {}) })) }
  }
  // "ajoutez un lot de piles en plus (donc 3 au total)": the total the count added makes is the line (line-words.ts).
  const summed = withTotalsSaid(raw)
  if (summed !== raw) return { lines: linesOfText(summed, opts, nextLine, nested).lines.map((l) => ({ ...l, evidence: raw.trim() })), usedNext: false }
  // "4 boxes each of nitrile gloves S, M and L", "3 boîtes de chaque : gants S/M/L": a size list with "each".
  const each = EACH_SIZE.exec(raw) ?? (EACH_WORD.test(raw) ? SIZE_LIST.exec(raw.replace(EACH_WORD, " ")) : null)
  if (each !== null) {
    const base = EACH_SIZE.test(raw) ? raw : raw.replace(EACH_WORD, " ")
    const lines = each[1]!.split(/\s*(?:,|\/|\bet\b|\band\b|&|\+)\s*/i).filter((x) => x !== "").flatMap((size) => linesOfText(base.replace(each[0], ` taille ${SIZE_LETTER[size.toLowerCase()] ?? size} `), opts, null).lines)
    if (lines.length > 0) return { lines: lines.map((l) => ({ ...l, evidence: raw.trim() })), usedNext: false }
  }
  // "2. RAL-3M Extension lead 3 m - 6 at 9.90": a list's own number is no quantity when the line has another.
  const unnumbered = /^\s*\d{1,2}\s*[.)]\s+(?=\D*\d)/.test(raw) ? raw.replace(/^\s*\d{1,2}\s*[.)]\s+/, " ") : raw
  const text = spaceMultipliers(spokenQuantities(dozens(roundCounts(sizeLettersInList(normalizeSizes(hundreds(withoutNegated(unnumbered))))))))
  // (Words in quotation marks are what someone called the goods: 'reorder "the blue things you sent last time" - those
  // are the nitrile gloves, so 20 boxes of those please' tells no story about an earlier delivery.)
  // "Last time the driver left 12 boxes at reception": a story about an earlier delivery, told as a sentence. An
  // aside in brackets with no number ("(on en a manqué)") gives a reason, not the line's sense.
  // What the goods are for ("… for packing the loan return") tells no story about them either (line-words.ts).
  // A signature's or an address's line: a phone number ("0141 496 0875", "04 91 33 80 15") or a British or Irish
  // postcode ("Glasgow G2 1PP", "D22 X8Y4") holds no goods ("Unit 7 … not the Sandyford office" is no office chair).
  // (a line that also asks for goods keeps them: "Please send 6 rolls …, to the bay: Unit 9, …, Leeds LS11 5PS")
  if ((PHONE_OR_POSTCODE.test(raw) && !ASKING.test(raw)) || NOT_A_LINE.test(withoutPurpose(text.replace(/\([^()\d]*\)/g, " ").replace(QUOTED_WORDS, " ").replace(USUAL_ADDRESS, " "))) || /^\s*(?:the )?(?:last time|la derni[èe]re fois|la fois derni[èe]re)\b/i.test(text) || LEAVE_OUT.test(text)) {
    // "… vingt ampoules et cinq rallonges à livrer sur le chantier à la salle des fêtes de X 12 rue de la Gare …" dictated
    // in one line, "+ 1 colis PQ" run on into "livré a la laverie 22 rue de Siam": the goods come before the words that
    // send them somewhere, and only the address after those words made the line none.
    // (or a later sentence of the line gives the address, as a text message runs on: "… et 2 boîtes de stylos. livré pour
    // vendredi svp. adresse : ESF …, 73480 Val-Cenis")
    // (or the place after the goods the sending verb opened on: « merci de livrer 10 ramettes papier A4 à l'accueil, 14 rue
    // Haute, 59000 Lille »)
    const sent = SENT_TO.exec(raw) ?? ADDRESS_SENTENCE.exec(raw) ?? placeAfterGoods(raw)
    const before = sent !== null && sent.index > 0 && nested ? linesOfText(raw.slice(0, sent.index), opts, null, nested).lines : []
    return { lines: before.map((l) => ({ ...l, evidence: raw.trim() })), usedNext: false }
  }
  const tokens = tokenize(text)
  if (tokens.length === 0) return { lines: [], usedNext: false }
  // Pieces between separators; when two or more name a product, each is a line of its own.
  const cuts: number[] = [0]
  tokens.forEach((t, i) => {
    if (t.sep || t.folded === "et" || t.folded === "and" || t.folded === "plus") cuts.push(i + 1)
  })
  cuts.push(tokens.length)
  const pieces: Group[] = []
  for (let k = 0; k + 1 < cuts.length; k++) {
    const [from, to] = narrowed(text, tokens, cuts[k]!, cuts[k + 1]!, opts)
    const g = productIn(tokens, from, to, opts.matcher, opts.aliases, opts.prefer) ?? otherSizeOf(pieces[pieces.length - 1], tokens, cuts[k]!, cuts[k + 1]!, opts)
    // "4 x Sticky notes 76x76, pack of 12 (POST-76)": a piece naming the product the piece before it names, with no
    // number but those of the product's own name (its pack, its sheets), goes on describing it: no line of its own.
    if (g !== null && !(g.product.ref === pieces[pieces.length - 1]?.product.ref && ownNumbersOnly(tokens.slice(cuts[k]!, cuts[k + 1]!), g.product))) pieces.push(g)
  }
  let groups: Group[]
  if (pieces.length >= 2) {
    groups = pieces.map((g, k) => ({ ...g, to: k + 1 < pieces.length ? pieces[k + 1]!.from : tokens.length }))
    groups[0]!.from = 0
  } else {
    const whole = productIn(tokens, 0, tokens.length, opts.matcher, opts.aliases, opts.prefer)
    groups = whole === null ? [] : [whole]
  }
  const lines: FoundLine[] = []
  let usedNext = false
  const asking = /^\s*[-•*–]/.test(raw) || ASKING.test(raw)
  // "go ahead with the 200 rolls, and add 48 rolls of packing tape": the one piece naming a product has its own
  // quantity with its unit; another piece's number is another line's (the quoted product's), not this one's.
  if (pieces.length === 1 && groups.length === 1 && (pieces[0]!.from > 0 || pieces[0]!.to < tokens.length)) {
    const own = quantityIn(text, tokens, pieces[0]!, asking)
    // "4 x boxes nitrile gloves, large": a size after a comma, with no number, is the piece's product's own.
    const outside = tokens.filter((t, i) => (i < pieces[0]!.from || i >= pieces[0]!.to) && !t.sep)
    const sizeAfter = outside.length > 0 && outside.every((t) => t.num === null) && outside.some((t) => /^qsize/.test(t.folded))
    if (own !== null && own.cue >= 8 && !sizeAfter) groups = [pieces[0]!]
  }
  for (const g of groups) {
    let q = quantityIn(text, tokens, g, asking)
    if ((q === null || q.cue < 5) && nextLine !== null && groups.length === 1) {
      // "Réf. GN-4410 gants nitrile M" then "Qté : 5" on the next line.
      const m = /^\s*(?:[-•*]\s*)?(?:qt[ée]s?|qte|qty|quantit[ée]s?|quantity)\s*\.?\s*[:=]?\s*(\d+(?:[.,]\d+)?)\s*([\p{L}]+)?/iu.exec(nextLine)
      if (m) {
        q = { quantity: Number(m[1]!.replace(",", ".")), unit: m[2] !== undefined ? unitOfWord(m[2]) : null, cue: 10, at: -1 }
        usedNext = true
      }
    }
    if (q === null) continue
    const cueFactor = q.cue >= 8 ? 1 : q.cue >= 5 ? 0.9 : 0.65
    const after = tokens[q.at + 1]
    // "10 cases of still water", "6 caisses d'eau" sold by the pack of 24: a case of bottles is the pack they come in
    // (a "carton" said so stays a carton: "2 cartons" of what is sold by the pack are cartons of packs).
    if (q.unit === "carton" && after !== undefined && /^(?:cases?|caisses?)$/.test(after.folded) && foldText(g.product.unit) === "pack") q = { ...q, unit: g.product.unit }
    // ("12 cartons of still water (24 x 500ml)": a carton said to hold the product's pack is it.)
    if (q.unit === "carton" && foldText(g.product.unit) === "pack" && containerHoldsOnePack(text, g.product)) q = { ...q, unit: g.product.unit }
    // "48 bouteilles d'eau" of water sold by the pack of 24, "96 rouleaux" of tissue by the case of 96: single items
    // counted in a unit that is not the product's are that many packs too, when they make whole packs.
    // "Paper cups 20 cl - 600 Nos. (bags of 50)": a count of each ones, beside the pack the product comes in said in the
    // line, counts the items too.
    const eachInPacks = (q.unit === "each" || (q.unit === null && after !== undefined && unitOfWord(after.folded) === "each")) && packSaid(text, g.product)
    const items = (q.unit !== null && lineUnit(q.unit, g.product) !== g.product.unit) || eachInPacks ? packsOf(q.quantity, g.product) : null
    // "192 rolls of toilet roll", "1152 rolls" (12 cases of 96 said per case): the items the product packs, their word read
    // into the product's name, are packs too when they make whole packs.
    const itemWord = after !== undefined && [...g.used].includes(q.at + 1) ? unitOfWord(after.folded) : null
    const packed = q.unit === null && q.at >= 0 && itemWord !== null && lineUnit(itemWord, g.product) !== g.product.unit
    const packs = items ?? (packed || (q.unit === null && q.at >= 0 && after !== undefined && after.num === null && unitOfWord(after.folded) === null && [...g.used].every((k) => k > q.at)) ? packsOf(q.quantity, g.product) : null)
    lines.push({
      product: g.product,
      quantity: packs ?? q.quantity,
      unit: items !== null ? g.product.unit : lineUnit(q.unit, g.product),
      confidence: Math.round(g.confidence * cueFactor * 100) / 100,
      // « une vingtaine de flacons », "a dozen bottles": the count is the words', not the customer's exact number.
      ...(roughCount(raw, q.quantity) ? { rough: true } : {}),
      evidence: raw.trim() + (usedNext && nextLine !== null ? " / " + nextLine.trim() : "")
    })
  }
  return { lines, usedNext }
}

/**
 * The part of a piece that names its goods: after a colon ("out of wrap and tape - can you get from Comptoir: 10 rolls of
 * stretch film"), before what they are for ("6 rolls of stretch film for the pallets"), when that part has a quantity and
 * names a product on its own.
 */
function narrowed(text: string, tokens: Token[], from: number, to: number, opts: LineOptions): [number, number] {
  const colon = text.lastIndexOf(":", tokens[to - 1]?.start ?? 0)
  const after = colon > (tokens[from]?.start ?? 0) ? tokens.findIndex((t, i) => i >= from && i < to && t.start > colon) : -1
  const start = after > from && tokens.slice(after, to).some((t) => t.num !== null) && productIn(tokens, after, to, opts.matcher, opts.aliases, opts.prefer) !== null ? after : from
  const purpose = tokens.findIndex((t, i) => i > start && i < to && /^(?:for|pour)$/.test(t.folded) && tokens.slice(start, i).some((n) => n.num !== null) && /^(?:the|our|my|le|la|les|l|nos|notre)$/.test(tokens[i + 1]?.folded ?? ""))
  return purpose > start && productIn(tokens, start, purpose, opts.matcher, opts.aliases, opts.prefer) !== null ? [start, purpose] : [start, to]
}


/**
 * "On passe à 30 ramettes au lieu de 20, et on ajoute les 2 rallonges", "make the gloves 8 boxes, not 6, and drop the
 * batteries": a change, then another one after ", and" / ", et" and its verb; each clause its own goods and count.
 */
const NEXT_CHANGE = /(?<=,)\s+(?=(?:and|et|puis|then)\s+(?:on|we|nous|please|merci d|drop|add|remove|take|skip|leave|cancel|ajout\w*|rajout\w*|enlev\w*|retir\w*|supprim\w*|annul\w*|oubli\w*|laiss\w*|mett\w*|pass\w*)\b)/i

/** Every order line of a text: tables by their header, other lines one by one. */
export function findLines(text: string, opts: LineOptions): FoundLine[] {
  const rawLines = rewriteLines(text.split("\n"))
  const out: FoundLine[] = []
  let cols: Columns | null = null
  let width = 0
  let heading: string | null = null
  let previous: { text: string; ref: string } | null = null
  for (let i = 0; i < rawLines.length; i++) {
    const line = rawLines[i]!
    if (line.trim() === "") {
      cols = null
      heading = null
      previous = null
      continue
    }
    const cells = cellsOf(line, cols !== null ? width : undefined)
    if (cells !== null) {
      const head = headerOf(cells)
      if (head !== null) {
        cols = head
        width = cells.length
        continue
      }
      if (cols !== null) {
        const row = tableRow(cells, cols, opts, line)
        if (row !== null) out.push(row)
        continue
      }
    } else cols = null
    const next = i + 1 < rawLines.length ? rawLines[i + 1]! : null
    // "Gants nitrile :" then "- M : 4 boîtes", "- L : 2 boîtes": a heading names what the items under it lack.
    if (cells === null && /:\s*$/.test(line) && !/\d/.test(line) && line.trim().length <= 60) {
      heading = line.trim().replace(/:\s*$/, "")
      continue
    }
    if (heading !== null && cells === null && /^\s*[-•*–]/.test(line)) {
      const own = linesOfText(line, opts, null).lines
      out.push(...(own.length > 0 ? own : linesOfText(`${heading} ${line.replace(/^\s*[-•*–]\s*/, "")}`, opts, null).lines.map((l) => ({ ...l, evidence: `${heading} : ${line.trim()}` }))))
      continue
    }
    if (!/^\s*[-•*–]/.test(line)) heading = null
    // Sentence by sentence: "Bien reçu, merci. Pour la suite il nous faudrait 3 boîtes…" orders in its second.
    const sentences = cells !== null ? [cells.join(" ; ")] : sentencesOf(line).flatMap((t) => t.split(NEXT_CHANGE))
    let any = false
    sentences.forEach((sentence, k) => {
      // "Remaining on the framework after this call-off (for your records): 80 rolls…": a balance told, no goods asked.
      if (REMAINDER.test(foldText(sentence))) return
      if (EARLIER_REST.test(foldText(sentence))) return
      // "On PP-77, please take off the 10 reams of A3": goods taken off an order are not asked for.
      if (TAKEN_OFF.test(foldText(sentence)) && !ASKED_INSTEAD.test(foldText(sentence))) return
      const { lines, usedNext } = linesOfText(sentence, opts, k === sentences.length - 1 ? next : null)
      out.push(...lines)
      any ||= lines.length > 0
      if (usedNext) i++
    })
    // "4 boxes small nitrile gloves" then "4 boxes medium", "2 boxes large": a short line naming only another size
    // or colour is the line above's product in that variant.
    if (!any && cells === null && previous !== null && /\d|\b(?:one|two|three|four|five|six|ten|une?|deux|trois|quatre|cinq|six|dix)\b/i.test(line) && line.trim().length <= 40) {
      const stem: string = previous.text.replace(/\d+(?:[.,]\d+)?/g, " ").replace(VARIANT_WORDS, " ")
      const short = line.replace(/^\s*[-•*–]\s*/, "").replace(/\b(?:en|in)\s+(?=[\p{L}]{1,3}\b)/giu, "taille ")
      const again: FoundLine[] = linesOfText(`${short} ${stem}`, opts, null).lines.filter((l) => l.product.ref !== previous!.ref)
      // "Livraison le 12 svp" names no variant: it is no line of the product above in another size.
      if (again.length === 1 && new RegExp(VARIANT_WORDS.source, "iu").test(short)) {
        out.push({ ...again[0]!, confidence: Math.min(again[0]!.confidence, 0.65), evidence: line.trim() })
        // The next short line ("2 boxes large") takes its name from the same full line.
        previous = { text: previous.text, ref: again[0]!.product.ref }
        continue
      }
    }
    const last = out[out.length - 1]
    previous = any && last !== undefined ? { text: line, ref: last.product.ref } : previous
  }
  return out
}
