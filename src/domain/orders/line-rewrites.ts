import { foldText } from "../search/fold-text"
import { perUnit } from "./per-unit"
import { headerOf } from "./table-header"
import { unitOfWord, WEAK_UNIT_WORDS } from "./units"

/**
 * A mail's lines put back in the shape the line finder reads, one order line to a line, before it reads them: an
 * ERP's item block joined, a quantity corrected in place, sizes listed on one line, a phone's list without
 * punctuation. Pure.
 */

const LABEL_VALUE = /^\s*[\p{L}][\p{L} #.°/'’-]{0,24}\s*:\s*\S/u
const QTY_LABEL_VALUE = /^\s*(?:qt[ée]s?|qte|qty|quantit[ée]s?|quantity|quantities|qty ordered|order qty)\s*:/i

/**
 * An ERP's item block, one field a line ("Vendor Part #: GN-4410", "Description: …", "Qty: 40", "UOM: BX"): the
 * block is one line of the order, read as one.
 */
function joinItemBlocks(lines: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < lines.length; i++) {
    let j = i
    while (j < lines.length && LABEL_VALUE.test(lines[j]!)) j++
    const block = lines.slice(i, j)
    if (block.length >= 3 && block.length <= 8 && block.filter((l) => QTY_LABEL_VALUE.test(l)).length === 1) {
      out.push(block.map((l) => l.trim()).join(" "))
      i = j - 1
    } else out.push(lines[i]!)
  }
  return out
}

/**
 * A card or a label printed with the product on one line and its quantity labelled beneath ("Carte K-04  SAC-110
 * Sacs 110 L" over "Qté à livrer : 12 rouleaux", "Item: TN-2420" over "  Qty to send: 3"): one line of the order.
 */
const QTY_BELOW = /^\s*(?:qt[ée]s?|qte|qty|quantit[ée]s?|quantity)(?!\p{L})[^:\n]{0,24}:\s*\d/iu

function quantityBelow(lines: readonly string[]): string[] {
  const out: string[] = []
  for (const line of lines) {
    const prev = out[out.length - 1]
    if (QTY_BELOW.test(line) && prev !== undefined && prev.trim() !== "" && !LABEL_VALUE.test(prev) && !/\d\s*$/.test(prev.replace(/\d+\s*x\s*\d+(?:\s*x\s*\d+)?/gi, "")) && !prev.includes("|")) {
      out[out.length - 1] = `${prev.trimEnd()} ${line.trim()}`
    } else out.push(line)
  }
  return out
}

/** "6 boîtes de gants M, non pardon 8", "12 rolls, sorry, 14": the number said last replaces the first. */
const CORRECTED = /(?<![\d,.])(\d{1,4})(\s[^\d\n]*?),\s*(?:(?:non|no|euh|ah|oops|enfin)[,!]?\s+)?(?:pardon|sorry|i mean|je veux dire|plut[ôo]t|make (?:that|it)|correction)\s*[,:]?\s*(\d{1,4})\b/giu

/** "taille S : 2 — taille M : 6 — taille L : 4": one line per size, each with the product named before them. */
const SIZE_QTY = /(?:taille|size)\s+(xxl|xl|xs|s|m|l)\s*:?\s*(\d{1,4})\b/giu

function sizesOnOneLine(line: string): string[] {
  const hits = [...line.matchAll(SIZE_QTY)]
  if (hits.length < 2) return [line]
  const head = line.slice(0, hits[0]!.index).replace(/[\s:–—-]+$/, "")
  return hits.map((m) => `${head} taille ${m[1]!.toUpperCase()} : ${m[2]}`)
}

/** Words after which a number belongs to what comes before ("boîte de 100", "pack of 24", "x 6"). */
const BINDS = /^(?:de|d|of|x|et|and|plus|par|per|by|a|au|du|des|the|les|le|la|un|une|pour|for|sous|in|dans|within|under|after|apres|next|pendant|every|chaque|each)$/
const MEASURE = /^(?:l|ml|cl|dl|g|kg|mm|cm|m|w|v|gsm|litres?|liters?|metres?|meters?)$/

/**
 * "rajoute moi 3 packs deau 2 bidons liquide vaisselle et 4 sachets": a phone's list with no punctuation; a
 * number and a unit word after a word start a new item when the line has two or more of them.
 */
function unpunctuated(line: string): string {
  if (/[,;|\t.!?]/.test(line)) return line
  // A voice mail's transcription says its numbers in words ("trois cartons d'essuie-mains deux bidons de…").
  // (the counts after "de" / "et" tell a list too, "besoin de quatre bidons … de cinq litres trois cartons … et dix boîtes":
  // only the one after another word starts an item with no word before it)
  // ("I need a dozen reams of copy paper two boxes of …": a dozen said in words counts as a number does; a word ending in
  // figures, « ramettes A4 deux boîtes », is a word before the count too.)
  const counted = [...line.matchAll(/(?<=(\p{L}[\p{L}\d]*)\s)((?:a|one|half a|une|une demi-) ?(?:dozen|douzaine)(?: of| de| d['’])?|\d{1,4}|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|one|two|three|four|five|seven|eight|nine|ten|twelve)\s+(\p{L}+)/giu)].filter((m) => {
    const unit = foldText(m[3]!)
    return unitOfWord(unit) !== null && !WEAK_UNIT_WORDS.has(unit) && !MEASURE.test(unit)
  })
  const starts = counted.filter((m) => !BINDS.test(foldText(m[1]!)))
  if (starts.length < 2 && (starts.length === 0 || counted.length < 3)) return line
  let out = line
  for (const m of starts.reverse()) out = `${out.slice(0, m.index)}, ${out.slice(m.index)}`
  return out
}

/**
 * "gants taille S non pardon taille M", "size small, sorry, size medium": a word said again after the correction, with
 * the word before it repeated, replaces what that word first named.
 */
const WORD_CORRECTED = /(?<![\p{L}\d])(\p{L}+)\s+([\p{L}\d]+),?\s+(?:(?:non|no|euh|ah|oops)[,!]?\s+)?(?:pardon|sorry|i mean|je veux dire|je voulais dire)[,!]?\s+\1\s+(?=[\p{L}\d])/giu

/** "(was medium)", "(au lieu des M)": what the line replaces, in brackets, names no product of it. */
const REPLACED = /\((?:was|were|not|instead of|rather than|previously|au lieu d[eu]s?|au lieu d['’]|et non|pas|avant)\b[^()]*\)/giu

/**
 * "500 of the big double-wall boxes and 500 of the small single-wall ones": "ones" stands for the noun named before
 * it in the line ("boxes"), so the second piece names its product too.
 */
function ones(line: string): string {
  if (!/\bones\b/i.test(line)) return line
  return line.replace(/\b(?:the|les|those|these)\s+((?:[\p{L}-]+\s+){1,3})ones\b/giu, (whole: string, words: string, at: number) => {
    const before = line.slice(0, at)
    // The last plural of the phrase that a number starts, a unit word aside ("4 rolls of the big bin bags": bags).
    const phrases = [...before.matchAll(/\b\d+\s+([^,;.]*?)(?=\s*(?:,|;|\.|\band\b|\bet\b|$))/giu)].map((m) => m[1]!).reverse()
    // The unit right after the number is no noun ("4 rolls of the big bin bags": bags, not rolls).
    const nounOf = (phrase: string): string | undefined => {
      const words = phrase.split(/\s+/)
      const rest = unitOfWord(foldText(words[0] ?? "")) !== null ? words.slice(1) : words
      return rest.filter((w) => /^[\p{L}-]{3,}(?:es|s)$/u.test(w)).pop()
    }
    const noun = phrases.map(nounOf).find((n) => n !== undefined)
    return noun === undefined ? whole : whole.replace(/ones$/i, noun)
  })
}

const cells = (row: string): string[] => row.trim().replace(/^\|/, "").replace(/\|$/, "").split("|").map((c) => c.trim())
const QTY_CELL = /^(?:qt[ée]s?|qte|qty|quantit[ée]s?|quantity|quantities|nombre|nb|no\.? of|how many|à commander|to order)\b/i

/**
 * A table written sideways, products across the top and a quantity row under them ("| Item | A4 paper | Blue pens |"
 * / "| Qty | 15 | 2 |"): put back one product to a row, "| A4 paper | 15 |", as the line finder reads a table.
 */
function transposed(lines: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < lines.length; i++) {
    const head = (lines[i]!.match(/\|/g)?.length ?? 0) >= 3 ? cells(lines[i]!) : []
    const qtyAt = head.length < 3 ? -1 : lines.slice(i + 1, i + 3).findIndex((l) => QTY_CELL.test(cells(l)[0] ?? ""))
    const qty = qtyAt < 0 ? [] : cells(lines[i + 1 + qtyAt]!)
    if (qtyAt < 0 || qty.length !== head.length || QTY_CELL.test(head[0]!) || qty.slice(1).some((c) => c !== "" && !/^\d{1,4}$/.test(c))) {
      out.push(lines[i]!)
      continue
    }
    out.push(`| ${head[0]} | ${qty[0]} |`)
    for (let k = 1; k < head.length; k++) if (qty[k] !== "") out.push(`| ${head[k]} | ${qty[k]} |`)
    i += 1 + qtyAt
  }
  return out
}

/**
 * "I need the glove cupboard back to 10 boxes of each size. Current count: 4 small, 7 medium, 2 large": a stock
 * brought up to a level, what is there said beside it. What is ordered is the difference, one line per kind counted
 * ("6 boxes glove cupboard small"); the counts themselves are no lines.
 */
const TARGET =
  /\b((?:[\p{L}-]+\s+){1,3}?)(?:back (?:up )?to|topped up to|up to|(?:à|a) (?:nouveau )?(?:à|a)|remis(?:e|es)? (?:à|a)|remettre (?:à|a)|ramener (?:à|a)|compl[ée]ter (?:jusqu['’] ?)?(?:à|a))\s+(\d{1,4})\s+([\p{L}]+)\s+(?:of each|each|de chaque|de chacun|chacun|of every)\b[^.!?\n]*/iu
/** "remettre la réserve de gants à 8 boîtes de chaque taille", "bring the glove stock up to 10 boxes of each". */
const TARGET_VERB_FIRST =
  /\b(?:remettre|ramener|compl[ée]ter|remonter|bring|get|top up)\s+((?:[\p{L}'’-]+\s+){1,4}?)(?:à|a|jusqu['’] ?(?:à|a)|(?:back )?(?:up )?to)\s+(\d{1,4})\s+([\p{L}]+)\s+(?:of each|each|de chaque|de chacun|chacun|of every)\b[^.!?\n]*/iu
const COUNT_PAIR = "(\\d{1,4})\\s+([\\p{L}]+)"
const COUNTED = new RegExp(
  `\\b(?:current count|currently|count|we have|we ve got|we've got|there are|on a|il (?:nous )?reste|reste|stock(?: actuel)?|inventaire)\\s*:?\\s*${COUNT_PAIR}(?:\\s*,\\s*|\\s+(?:and|et)\\s+)${COUNT_PAIR}(?:(?:\\s*,\\s*|\\s+(?:and|et)\\s+)${COUNT_PAIR})?(?:(?:\\s*,\\s*|\\s+(?:and|et)\\s+)${COUNT_PAIR})?`,
  "iu"
)
const ARTICLE = /^(?:the|our|my|a|le|la|les|l['’]|notre|nos|mon|ma|mes|need|want|get|have|to|il|faut|besoin|de|d['’])$/i

function toppedUp(line: string): string[] {
  const target = TARGET.exec(line) ?? TARGET_VERB_FIRST.exec(line)
  const counted = target === null ? null : COUNTED.exec(line)
  if (target === null || counted === null) return [line]
  const level = Number(target[2])
  const noun = target[1]!.trim().split(/\s+/).filter((w) => !ARTICLE.test(w)).join(" ")
  const out: string[] = []
  for (let k = 1; k + 1 < counted.length && counted[k] !== undefined; k += 2) {
    const missing = level - Number(counted[k])
    if (missing > 0) out.push(`${missing} ${target[3]} ${noun} ${counted[k + 1]}`)
  }
  if (out.length === 0) return [line]
  return [line.replace(counted[0], " ").replace(target[0], " "), ...out]
}

/**
 * "4 ou 5 packs… mettez 5", "2 or 3 cans, say 3", "10-12 rolls, let's say 12": hesitating between two quantities,
 * then deciding. The quantity decided is the line's.
 */
const DECIDED = /(?<![\d,.])(\d{1,4})\s*(?:ou|or|-|–|à|to)\s*(\d{1,4})((?:\s[^\d\n]*?)?)\s*(?:[,;:]|…|\.\.\.)\s*(?:(?:bon|ok|well|so|alors|allez|hmm|euh)[,!]?\s+)?(?:mettez(?:-en| en)?|mettons|disons|allez|va pour|prenez|say|let['’]?s say|make it|call it|put|go for)\s*(\d{1,4})\b/giu
/** "Palettes 120 x 80 : 30": in a line whose quantity follows a colon at its end, "120 x 80" is a size, one word. */
function sizesJoined(line: string): string {
  if (!/[:=]\s*\d{1,4}\s*(?:[\p{L}.]+\s*)?$/u.test(line)) return line
  return line.replace(/(\d{1,4})\s+[x×]\s+(\d{1,4})(?:\s+[x×]\s+(\d{1,4}))?/gu, (_m: string, a: string, b: string, c?: string) => (c === undefined ? `${a}x${b}` : `${a}x${b}x${c}`))
}
/**
 * "~~2~~ **3** rouleaux", "~~Cartouches HP 305 : 2~~": text a note struck through is withdrawn; bold marks are no text.
 * Runs of spaces close up, tabs stay: two tabs in a row are a pasted sheet's empty cell.
 */
function markdownRead(line: string): string {
  return line.replace(/~~[^~\n]*~~/g, " ").replace(/\*\*([^*\n]*)\*\*/g, "$1").replace(/[^\S\t]{2,}/g, " ")
}

/**
 * "A dozen of the LED bulbs and half as many extension leads", "4 rolls of the big bags and the same again of the small
 * ones", "10 cartons et autant de sacs": a quantity said against the one just before it in the sentence ("10 reams of A3
 * and 20 of A4, and the same again (20) of the recycled": the 20, and the count in brackets says so). A count standing between them ends the first's reach; a
 * product's "3m" or "A4" does not ("a dozen extension leads 3m and half as many rolls of film": 6 rolls).
 */
const AS_MANY =
  /(?<![\d,.])(\d{1,4}|a dozen|two dozen|une douzaine|deux douzaines)(\s+([\p{L}]+)(?:(?!\s\d{1,4}\s)[^.;!?\n])*?)\s+(?:and|et|plus|,)\s+(half as many|twice as many|as many|the same again|the same|autant|deux fois plus|moiti[ée] moins)(?:\s*\((\d{1,4})\))?(?:\s+(?:of|de|d['’]))?\s+/giu
function asMany(line: string): string {
  return line.replace(AS_MANY, (_m: string, q: string, rest: string, unit: string, how: string, said: string | undefined) => {
    const n = /^\d+$/.test(q) ? Number(q) : /^(?:two dozen|deux douzaines)$/i.test(q) ? 24 : 12
    const f = /^(?:half|moiti)/i.test(how) ? 0.5 : /^(?:twice|deux fois)/i.test(how) ? 2 : 1
    // "and the same again (20) of the recycled": the count said in brackets is the count.
    const m = said !== undefined ? Number(said) : n * f
    if (!Number.isInteger(m) || m < 1) return _m
    const u = unitOfWord(foldText(unit)) !== null && !WEAK_UNIT_WORDS.has(foldText(unit)) ? `${unit} of ` : ""
    return `${q}${rest}, ${m} ${u}`
  })
}

/**
 * "gants M x6 / essuie-mains x2 cartons / savon mains x4": a note's items on one line, apart by slashes; one line each
 * when two or more of them hold a number.
 */
function slashList(line: string): string[] {
  if (!/\s\/\s/.test(line)) return [line]
  const items = line.replace(/[«»“”]/g, " ").split(/\s+\/\s+/)
  return items.filter((i) => /\d/.test(i)).length >= 2 && items.length >= 3 ? items.map((i) => i.trim()) : [line]
}

/**
 * "the card on file ending 4471", "cost centre 4120", "centre de coût 6064": the last digits of a card, an account's or
 * a budget's code, no count.
 */
const CARD_DIGITS = /\b(ending(?: in| with)?|ends in|se terminant par|finissant par|termin[ée]e? par|last (?:4|four) digits(?: of)?|cost cent(?:re|er)|centre de co[uû]ts?|budget code|gl code|account(?: no\.?| number)?|compte(?: n°)?)(\s*[:#]?\s*)\d{3,6}\b/gi

/**
 * "2 cases of the shipping labels (5 rolls per case)", "3 cartons de film (6 rouleaux par carton)": the containers
 * counted in the unit the line also names, per container: 10 rolls.
 */
const PER_CONTAINER = /\b(\d{1,3}|une?|an?|one)\s+(cases?|boxes|box|cartons?|caisses?|colis|packs?|paquets?|lots?|palettes?|pallets?|sacs?|bags?|bidons?)\b(.*?)[(,]\s*(\d{1,4})\s+([\p{L}]{3,})\s+(?:per|par|a|in each|dans chaque|each)\s+(?:the\s+|le\s+|la\s+)?([\p{L}]{3,})\s*\)?/iu

function perContainer(line: string): string {
  const m = PER_CONTAINER.exec(line)
  if (m === null) return line
  const stem = (w: string): string => w.toLowerCase().replace(/s$/, "").replace(/e$/, "")
  if (stem(m[2]!) !== stem(m[6]!)) return line
  const count = /^\d+$/.test(m[1]!) ? Number(m[1]) : 1
  return `${line.slice(0, m.index)}${count * Number(m[4])} ${m[5]} of${m[3]!.replace(/^\s*(?:of|de|d['’])\s*/i, " ")}${line.slice(m.index + m[0].length)}`
}

/**
 * Numbers written in words a digit-reader would miss: the Belgian and Swiss tens ("septante", "huitante", "nonante"),
 * compounds ("vingt-cinq", "soixante-dix", "quatre-vingt-seize", "twenty-four") and the English tens and teens the
 * short list lacks ("seventy", "fourteen"). Simple words ("deux", "ten") keep their own rules.
 */
const TENS: Readonly<Record<string, number>> = { vingt: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60, septante: 70, huitante: 80, octante: 80, nonante: 90, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 }
const UNITS: Readonly<Record<string, number>> = { un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16, "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19, one: 1, two: 2, three: 3, four: 4, five: 5, six_: 6, seven: 7, eight: 8, nine: 9 }
const TEENS: Readonly<Record<string, number>> = { thirteen: 13, fourteen: 14, seventeen: 17, nineteen: 19, septante: 70, huitante: 80, octante: 80, nonante: 90, seventy: 70, eighty: 80, ninety: 90 }
const UNIT_WORD = "dix-sept|dix-huit|dix-neuf|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|one|two|three|four|five|seven|eight|nine"
const NUMBER_IN_WORDS = new RegExp(`(?<![\\p{L}-])(?:(quatre[- ]vingts?)|(${Object.keys(TENS).join("|")}))(?:(?:[- ]et[- ]|-)(${UNIT_WORD}))?(?![\\p{L}-])`, "giu")

function numbersInWords(line: string): string {
  if (!/(?:ante|ingt|rante|xante|ty|teen)/i.test(line)) return line
  const teens = line.replace(new RegExp(`(?<![\\p{L}-])(${Object.keys(TEENS).join("|")})(?![\\p{L}-])`, "giu"), (w: string) => String(TEENS[w.toLowerCase()]))
  return teens.replace(NUMBER_IN_WORDS, (all: string, eighty: string | undefined, tens: string | undefined, unit: string | undefined) => {
    const u = unit === undefined ? 0 : (UNITS[unit.toLowerCase()] ?? (unit.toLowerCase() === "six" ? 6 : 0))
    // A plain "vingt", "thirty" keeps its word: only compounds and "quatre-vingts" become digits here.
    if (eighty === undefined && unit === undefined) return all
    return String((eighty !== undefined ? 80 : TENS[tens!.toLowerCase()]!) + u)
  })
}

/**
 * "Ramettes A4 recyclé : idem", "Notes 76x76 : ditto", a ditto mark under a quantity: the same quantity (and unit) as
 * the line above.
 */
const DITTO = /^(.*?[:\-–=]\s*|.*?\s)(?:idem|ditto|dito|id\.|"|〃|same|pareil)\s*\.?\s*$/iu
const QUANTITY_AT_END = /[:\-–=]\s*(\d+(?:[.,]\d+)?(?:\s+[\p{L}]+)?)\s*$/u

function dittos(lines: readonly string[]): string[] {
  let last: string | null = null
  return lines.map((l) => {
    const d = DITTO.exec(l)
    if (d !== null && last !== null && /\p{L}{3}/u.test(d[1]!)) return `${d[1]!.replace(/\s*$/, " ")}${last}`
    const q = QUANTITY_AT_END.exec(l)
    if (q !== null) last = q[1]!
    else if (l.trim() === "") last = null
    return l
  })
}

/**
 * "1.000 Pcs.", "2.500 Stk.": a thousands dot as German and Dutch write it, before a unit word (never a price). And what
 * a pack holds, said in brackets after it ("2 Pack AA batteries (à 24 Pcs.)", "(je 10 Stück)"), is no quantity.
 */
const THOUSANDS_DOT = /\b(\d{1,3})\.(\d{3})(?=\s*(?![€$£]|eur\b|euros?\b|ht\b|ttc\b)[\p{L}])/giu
const PACK_HOLDS = /\(\s*(?:[àa]|of|je|with|avec|containing|contenant|each with)\s+\d+[^)]*\)/giu
/**
 * "1 000 gobelets", "1,500 paper cups": thousands set apart by a space (French) or a comma (English) before the word
 * of what is counted. Never a group among others ("SIRET 412 345 678", "0117 496 0000"), a price, or a measure
 * ("1,500 kg" may be a kilo and a half; "1 400 m" is measured, no count).
 */
const THOUSANDS_SEP = /(?<![\d.,]|\d[ \u00a0\u202f])\b(\d{1,3})[,\u00a0\u202f ](\d{3})(?![\d]|[.,]\d|[ \u00a0\u202f]\d)(?=\s*(?![€$£]|eur\b|euros?\b|ht\b|ttc\b|(?:kg|g|l|ml|cl|m|mm|cm|km|litres?|liters?|metres?|meters?|mètres?)\b)[\p{L}])/giu

function packWording(line: string): string {
  return line.replace(THOUSANDS_DOT, "$1$2").replace(THOUSANDS_SEP, "$1$2").replace(PACK_HOLDS, " ")
}

/**
 * "… and maybe 2 hand soaps - no, forget the soap, we still have some": an item taken back in the same sentence is no
 * line (the words from the item's start to the end of the retraction go).
 */
const RETRACTION = /\s*[-–,;:]?\s*\b(?:no|non|nope|actually no|en fait non|ah non)\s*[,!.]?\s*(?:forget|scratch|drop|skip|cancel|leave|oubliez|oublie|laissez tomber|laisse tomber|annulez|annule|enlevez)\b[^.;!?]*[.;!?]?/iu

function retracted(line: string): string {
  const m = RETRACTION.exec(line)
  if (m === null) return line
  const before = line.slice(0, m.index)
  const cut = Math.max(before.lastIndexOf(", "), before.lastIndexOf("; "), before.search(/\s(?:and|et)\s(?!.*\s(?:and|et)\s)/))
  return `${cut > 0 ? before.slice(0, cut) : ""} ${line.slice(m.index + m[0].length)}`.trim()
}

/** A table drawn with box-drawing characters (copied from a terminal or a stock tool): its bars are a table's pipes. */
const BOX_RULE = /^[\s─━═┄┈┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬╞╡╪╒╕╘╛+|-]+$/u

function boxDrawn(lines: readonly string[]): string[] {
  if (!lines.some((l) => /[│┃║]/u.test(l))) return [...lines]
  return lines.filter((l) => !(BOX_RULE.test(l) && /[─━═]/u.test(l))).map((l) => l.replace(/[│┃║]/gu, "|"))
}

/**
 * An ERP's lines retyped or pasted in fixed width ("Line  Item      Description          Qty  UOM  Need By", each row
 * under it with its cells two spaces apart or more): a table. Its header and the rows with as many cells are written
 * with pipes, before runs of spaces close up.
 */
function fixedWidth(lines: readonly string[]): string[] {
  const out = [...lines]
  const split = (l: string): string[] => l.trim().split(/ {2,}/)
  for (let i = 0; i < out.length; i++) {
    const l = out[i]!
    if (/[|\t]/.test(l) || !/ {2,}/.test(l.trim())) continue
    const head = split(l)
    if (head.length < 3 || headerOf(head) === null) continue
    let j = i + 1
    while (j < out.length && !/[|\t]/.test(out[j]!) && out[j]!.trim() !== "" && split(out[j]!).length === head.length) j++
    if (j === i + 1) continue
    for (let k = i; k < j; k++) out[k] = `| ${split(out[k]!).join(" | ")} |`
    i = j - 1
  }
  return out
}

/** "a big pack of AA batteries", "un grand carton de": the size said of the container is no part of the count. */
const SIZED = /\b(a|an|one|un|une)\s+(?:big|large|small|little|huge|grand|grande|gros|grosse|petit|petite)\s+(?=[\p{L}]{3,}\s+(?:of|de|d['’]))/giu

/**
 * "300 paper cups plus 50 spare", "200 gobelets et 20 de rab": the spares come on top of the count, one quantity.
 */
const WITH_SPARES = /(?<![\d,.])(\d{1,5})(\s+[\p{L}][\p{L}'’ -]{1,40}?)\s+(?:plus|\+|and|et|with|avec)\s+(\d{1,4})\s+(?:spares?|extra|more|de plus|en plus|de rab|de r[ée]serve|d['’]avance|suppl[ée]mentaires?)(?![\p{L}])/giu

/**
 * "One 5 litre multi-surface cleaner", "deux 5 L de détergent": a count in words, then the product's own measure in
 * figures. The word is the count ("1 x 5 litre …"), the figure part of the name.
 */
const COUNT_THEN_MEASURE = /(?<![\p{L}\d])(one|a|an|two|three|four|five|six|un|une|deux|trois|quatre|cinq|six)\s+(?=\d+(?:[.,]\d+)?\s*(?:litres?|liters?|l|kg|kilos?|g|ml|cl)(?![\p{L}]))/giu
const SMALL_COUNTS: Readonly<Record<string, number>> = { one: 1, a: 1, an: 1, un: 1, une: 1, two: 2, deux: 2, three: 3, trois: 3, four: 4, quatre: 4, five: 5, cinq: 5, six: 6 }


/** "sauf les piles (un parent nous en a donné tout un carton)": an aside telling of goods given to the buyer orders none. */
const GIVEN_ASIDE = /\([^()]*(?:en a donn|nous a donn|m a donn|m['’]a donn|offert(?:e|s)? par|gave (?:us|me)|given (?:to )?(?:us|me)|donated)[^()]*\)/giu

/**
 * "Nous avons 12 aides à domicile : une boîte de gants par personne, en taille M sauf pour trois d'entre elles qui
 * prennent du L, et un flacon de gel chacune": one of a thing per head is the head count of it, and the heads that take
 * another size take theirs ("9 boîte de gants M, 3 boîte de gants L").
 */
const HEADS_HAVE = /\b(?:nous (?:avons|sommes|serons)|on (?:est|sera)|we (?:have|are|re|ll be|will be)|il y a|there (?:are|will be))\s+(\d{1,4})\s+(?=\p{L})/iu
const ONE_EACH = /(?<![\p{L}\d])(?:une|un|one|a|an|1)\s+((?:[\p{L}\d'’-]+\s+){0,8}?[\p{L}\d'’-]+)\s+(?:par (?:personne|t[êe]te|salari[ée]e?|b[ée]n[ée]vole|enfant)|per (?:person|head|child|volunteer)|a head|each|chacune?)(?![\p{L}])/giu
const SIZE = "(XS|S|M|L|XL|XXL)"
const COUNT = "(\\d{1,3}|une?|deux|trois|quatre|cinq|six|one|two|three|four|five|six)"
const OTHER_SIZE = new RegExp(`(\\d{1,4})\\s+((?:[\\p{L}'’-]+\\s+){0,5}?[\\p{L}'’-]+),?\\s+(?:en taille|taille|in size|size)\\s+${SIZE}\\s+(?:sauf|except|but)\\s+(?:pour\\s+|for\\s+)?${COUNT}\\s+(?:d['’]entre (?:eux|elles)\\s+|of them\\s+)?(?:qui (?:prennent|prend|font|veulent|portent)|who (?:take|need|wear|want))\\s+(?:du |le |la |en |a |an |size )?${SIZE}(?![\\p{L}])`, "iu")

function perHead(line: string): string {
  const heads = HEADS_HAVE.exec(line)
  if (heads === null) return line
  const each = line.replace(ONE_EACH, (_m, what: string) => `${heads[1]} ${what}`)
  return each.replace(OTHER_SIZE, (_m, n: string, what: string, size: string, k: string, other: string) => {
    const few = /^\d+$/.test(k) ? Number(k) : (SMALL_COUNTS[k.toLowerCase()] ?? 1)
    return few < Number(n) ? `${Number(n) - few} ${what} ${size}, ${few} ${what} ${other}` : _m
  })
}

/**
 * The buyer's own sum, said after the count: "2 cartons de 36 rouleaux, donc 72 rouleaux" (2 × 36), "300 (donc 6 sachets
 * si j'ai bien compris)", "120 cups (so 3 bags)". The count the sum gives, in its unit, is the line's.
 */
const SO_TOTAL = /(?<![\d,.])(\d{1,4})(\s+[\p{L}]+(?:\s+(?:de|d['’]|of)\s*(\d{1,4})\s+[\p{L}]+)?)?\s*(?:,|\(|–|-)\s*(?:donc|soit|so|i\.e\.|that['’]s|that is|c['’]est[- ][àa][- ]dire)\s+(\d{1,5})\s+([\p{L}]+)(?:\s+au total|\s+in total|\s+total)?/giu

function soTotal(line: string): string {
  return line.replace(SO_TOTAL, (m, a: string, what: string | undefined, per: string | undefined, total: string, unit: string) => {
    // "2 cartons de 36 rouleaux, donc 72 rouleaux": only a sum that adds up; "300 (donc 6 sachets": a count restated in brackets.
    if (per !== undefined) return Number(a) * Number(per) === Number(total) ? `${total} ${unit}` : m
    return m.includes("(") && what === undefined ? `${total} ${unit} (` : m
  })
}

/** A server's status code ("did not acknowledge this order (HTTP 502)", "error code 404"): no count of goods. */
const STATUS_CODE = /\bHTTP(?:\/\d(?:\.\d)?)?\s+[1-5]\d\d\b|\b(?:error|erreur)(?: code)?\s*:?\s*[1-5]\d\d\b/gi

export function rewriteLines(lines: readonly string[]): string[] {
  lines = lines.map((l) => perHead(soTotal(l.replace(STATUS_CODE, " ").replace(WORD_CORRECTED, "$1 "))).replace(GIVEN_ASIDE, " ").replace(WITH_SPARES, (_m, a: string, what: string, b: string) => `${Number(a) + Number(b)}${what}`).replace(COUNT_THEN_MEASURE, (_m, w: string) => `${SMALL_COUNTS[w.toLowerCase()]} x `))
  lines = dittos(fixedWidth(boxDrawn(lines)).map((l) => retracted(packWording(numbersInWords(l)))))
  lines = lines.flatMap(slashList).map((l) => perContainer(l.replace(CARD_DIGITS, "$1$2…").replace(SIZED, "$1 ")))
  lines = lines.map(asMany)
  lines = lines.map((l) => sizesJoined(markdownRead(l)).replace(DECIDED, "$4$3"))
  return perUnit(joinItemBlocks(quantityBelow(transposed(lines.flatMap(toppedUp))))).flatMap((l) => sizesOnOneLine(unpunctuated(ones(l).replace(CORRECTED, "$3$2").replace(REPLACED, " "))))
}
