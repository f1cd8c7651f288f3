/**
 * A line's words made plain before it is read (split from lines.ts): numbers written as words, dozens, counts said
 * in speech ("a couple of", "ten of them", "il m'en faut 10"), a total said after a count added ("donc 3 au total"),
 * multipliers ("x10"), the products ruled out ("pas le recyclé") and what the goods are for.
 */

export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60, cent: 100,
  one: 1, two: 2, three: 3, four: 4, five: 5, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, sixteen: 16, eighteen: 18, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, hundred: 100,
  douzaine: 12, dozen: 12, a: 1, an: 1
}

/** "half a dozen", "une demi-douzaine" → 6, "2 dozen", "deux douzaines" → 24, "a dozen" → 12: a number of its own. */
export function dozens(text: string): string {
  return text
    .replace(/\b(?:half a dozen|une demi[- ]douzaine|demi[- ]douzaine)(?:\s+(?:de|d['’]|of)\b)?/gi, "6 ")
    .replace(/\b(\d{1,3}|two|three|four|five|six|deux|trois|quatre|cinq|six)\s+(?:dozens?|douzaines?)(?:\s+(?:de|d['’]|of)\b)?/gi, (_, n: string) => `${(/^\d+$/.test(n) ? Number(n) : NUMBER_WORDS[n.toLowerCase()]!) * 12} `)
    .replace(/\b(?:a|one|une|1)\s+(?:dozen|douzaine)(?:\s+(?:de|d['’]|of)\b)?/gi, "12 ")
}

const UNITS_WORD = "un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|one|two|three|four|five|six|seven|eight|nine"
const TENS_WORD = "dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|one|two|three|four|five|seven|eight|nine"
const HUNDREDS = new RegExp(`\\b(?:(${UNITS_WORD})\\s+)?(?:cents?|hundred)(?:\\s+(?:and\\s+)?(${TENS_WORD}))?\\b`, "gi")

/** "trois cents gobelets", "cent dix litres", "two hundred and fifty": hundreds said in words, as figures. */
export function hundreds(text: string): string {
  return text.replace(HUNDREDS, (m, h: string | undefined, rest: string | undefined) => (h === undefined && rest === undefined ? m : String((h === undefined ? 1 : NUMBER_WORDS[h.toLowerCase()]!) * 100 + (rest === undefined ? 0 : NUMBER_WORDS[rest.toLowerCase()]!))))
}

export const NUMBER_WORD = Object.keys(NUMBER_WORDS).filter((w) => w.length > 2).join("|")
export const asNumber = (n: string): number => (/^\d+$/.test(n) ? Number(n) : NUMBER_WORDS[n.toLowerCase()] ?? 1)

/**
 * Quantities said in words of speech: "a couple of the 3m leads", "une paire de…" → 2; "LED bulbs, ten of them",
 * "il m'en faut 10", "j'en prendrai six" → "x 10", a multiplier after the product's name.
 */
export function spokenQuantities(text: string): string {
  return text
    .replace(/\b(?:a couple of|a pair of|une paire d['’ ]|une paire de|un couple d['’ ]|un couple de)\s*(?:the\s+|les\s+)?/gi, "2 ")
    .replace(new RegExp(`,?\\s*\\b(\\d{1,4}|${NUMBER_WORD})\\s+of (?:them|those|these|each)\\b`, "gi"), (_, n: string) => ` x ${asNumber(n)}`)
    .replace(new RegExp(`\\b(?:il (?:m|nous)['’ ]?en faut|j['’ ]?en (?:veux|prends|prendrai|voudrais)|nous en (?:voulons|prendrons|prenons|voudrions)|on en (?:veut|prend|prendra))\\s+(\\d{1,4}|${NUMBER_WORD})\\b`, "gi"), (_, n: string) => ` x ${asNumber(n)}`)
}

/**
 * What a line says it wants in place of ("papier A4 au lieu de A3", "110 L bags rather than 50 L", "size M gloves
 * instead of size S", "plutôt que des gants M, …") is ruled out whole: its article, then up to four words or measures,
 * up to a word that goes on with the sentence. Its first word a letter or a measure: "8 boxes instead of 6", "mettez
 * 6 packs et non 3" change a count, read elsewhere (a count, its unit and "of" before a name go with it: "au lieu de
 * 5 ramettes de A3").
 */
const GOES_ON = String.raw`(?:et|and|or|ou|plus|mais|but|merci|please|pls|svp|thanks|thank|cheers|pour|for|this|these|that|cette|cet|ce|ces|we|i|nous|je|on|que|qui|which|if|si|as|comme|because|car|to|at|au|aux|in|dans|sur|with|avec|sans|without|par|by|from|de|d|du|des|of)(?![\p{L}\d'’])`
const RULED_WORD = String.raw`(?:\d+(?:[.,]\d+)?\s?(?:l|ml|cl|g|kg|mm|cm|m|w|gsm)(?![\p{L}\d])|(?!${GOES_ON})\p{L}[\p{L}\d-]*)`
const RULED_ARTICLES = String.raw`(?:(?:the|a|an|our|your|usual|same|le|la|les|un|une|du|de|des|notre|nos|votre|vos|pas|habituel(?:le)?s?|celui|celle|ceux|celles)\s+|[ld]['’]\s?)*`
const REPLACING = new RegExp(
  String.raw`(?<![\p{L}\d])(?:au lieu d(?:e|u|es|['’])|[àa] la place d(?:e|u|es|['’])|plut[ôo]t qu(?:e|['’])|et non|instead of|rather than|in place of|and not|but not)\s*` +
    String.raw`(?:\d{1,4}\s+\p{L}+\s+(?:de|d['’]|of)\s*)?${RULED_ARTICLES}${RULED_WORD}(?:\s+(?:(?:de|d['’]|of)\s*)?${RULED_WORD}){0,3}`,
  "giu"
)

/**
 * The product a customer rules out names no product: "10 ramettes A4 (pas le recyclé)", "HP 305 black, not the
 * colour one", "plutôt que le recyclé", "rather than the large", "pas de A3 cette fois", and what a line wants in
 * place of (REPLACING).
 */
export function withoutNegated(text: string): string {
  return text.replace(REPLACING, " ").replace(/\b(?:pas (?:le|la|les|l['’]|du|des|de)|surtout pas (?:le|la|les|de)|not (?:the|any)|but not(?: the)?)\s*\p{L}[\p{L}\d-]*/giu, " ")
}

/**
 * "x10", "10x", "×10" → "x 10", "10 x" so the multiplier is a word of its own; "40 × 30" is a dimension. "2 x 12 reams",
 * "3 × 6 rouleaux": so many lots of so many of the units sold, their product (never "3 x 500 ml": a measure, not a count;
 * nor a code's or a name's figures before the "x": "EAU-50 x 40 packs", "ESS 300 x 6 cartons", "papier A4 x 5 ramettes").
 */
export function spaceMultipliers(text: string): string {
  return text
    .replace(/(?<![\p{L}\d.,/-]|\b[A-Z]{2,}[- ])(\d{1,3}) ?[xX×*] ?(\d{1,3}) (?=(?:reams?|rolls?|boxes|box|packs?|cases?|cartons?|bottles?|bags?|ramettes?|rouleaux|rouleau|bo[iî]tes?|paquets?|flacons?|sachets?|bidons?)(?![\p{L}]))/gu, (_, n: string, m: string) => `${Number(n) * Number(m)} `)
    .replace(/(^|[\s(:])(?:[x*]|(?<!\d ?)×)\s?(\d)/gi, "$1x $2")
    .replace(/(\d)\s?(?:[x*]|×(?! ?\d))(?=\s|$|[),.;])/gi, "$1 x")
}

/** A count added to what was asked ("en plus", "more"), and the total it makes ("donc 3 au total", "so 6 in all"). */
const TOTAL = String.raw`\s*[,;(–-]?\s*(?:donc|soit|so|making|that makes|which makes|ce qui (?:fait|fera))\s+(\d{1,4})\s+(?:au total|en tout|in total|in all|altogether)\s*\)?`
const COUNT = String.raw`(\d{1,4}|une?|one|an?|deux|two|trois|three)`
export const ADDS_UP_TO = new RegExp(TOTAL, "i")
const ADDED_THEN_TOTAL = new RegExp(String.raw`\b${COUNT}\s+((?:[\p{L}\d'’-]+\s+){1,6}?)(?:en plus|de plus|suppl[ée]mentaires?|extra|additional)\b${TOTAL}`, "iu")
const MORE_THEN_TOTAL = new RegExp(String.raw`\b${COUNT}\s+(?:more|extra|additional|de plus|en plus|suppl[ée]mentaires?)\s+((?:[\p{L}\d'’-]+\s+){0,5}[\p{L}\d'’-]+)${TOTAL}`, "iu")

/**
 * "ajoutez un lot de piles en plus (donc 3 au total)", "2 more packs of water, so 6 in all": the count added gives way
 * to the total it makes, which is what the line asks for ("3 lot de piles", "6 packs of water").
 */
export function withTotalsSaid(text: string): string {
  if (!ADDS_UP_TO.test(text)) return text
  return text.replace(ADDED_THEN_TOTAL, (_, _n: string, words: string, total: string) => `${total} ${words} `).replace(MORE_THEN_TOTAL, (_, _n: string, words: string, total: string) => `${total} ${words} `)
}

const PURPOSE_AHEAD = /^\s*(?:pour|for) (?:le|la|les|l['’]\s?|the|our|notre|nos) [^\d.;!?]{1,120}?,\s*(?=(?:merci de|veuillez|pourriez[- ]vous|pouvez[- ]vous|please|could you|can you|could we|can we|kindly|il nous (?:faut|faudrait)|we need)\b)/i
const PURPOSE_AFTER = /\b(?:for [\p{L}]+ing|for (?:the|our) |pour (?:le|la|les|l['’]\s?|[\p{L}]+(?:er|ir|re)\b))[^\d.;!?]*[.!?]?\s*$/iu

/**
 * What the goods are for, counting nothing, after them ("3 rolls of stretch film for packing the loan return", "2
 * cartons pour le retour des prêts") or ahead of the asking ("Pour le retour des archives, merci de nous livrer …"):
 * taken out before a line's words are searched for a story about earlier goods (a return, a damage).
 */
export function withoutPurpose(text: string): string {
  return text.replace(PURPOSE_AFTER, " ").replace(PURPOSE_AHEAD, " ")
}
