/**
 * Spellings that hide a word from matching, put right on both sides (catalog names and mail text): a size
 * letter ("taille M", "gants L", "large") becomes one word of its own, and a number glued to its measure
 * ("80gsm", "5L", "20cl") is split, so "5L" is the "5 L" of "Détergent 5 L"; glued dimensions are spaced.
 */
const SIZE_WORDS: Readonly<Record<string, string>> = { xs: "xs", s: "s", m: "m", l: "l", xl: "xl", xxl: "xxl", small: "s", medium: "m", large: "l", petit: "s", petite: "s", moyen: "m", moyenne: "m", grand: "l", grande: "l" }

/** Brands that stand for their kind, long enough that a word one letter away is a slip and no other word. */
const BRANDS = ["scotch", "stabilo"]

/** One letter added, dropped, changed or two swapped (Damerau distance 1), never the same word. */
function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2))
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
}

export function normalizeSizes(text: string): string {
  return text
    // Dimensions ("40x30x30", "160*80", "40 x 30 x 30") are the "40 × 30 × 30" of a name, each number a word;
    // "2 x 10" with spaces stays a multiplier.
    .replace(/\b\d+(?:[.,]\d+)?(?:(?:[x×*]\d+(?:[.,]\d+)?)+|(?:\s*[x×*]\s*\d+(?:[.,]\d+)?){2,})\b/gi, (m) => m.split(/\s*[x×*]\s*/i).join(" × "))
    .replace(/(?<![\p{L}\d-])(\d+(?:[.,]\d+)?)(gsm|g|kg|mg|ml|cl|l|mm|cm|m|w|v|m2)\b/giu, "$1 $2")
    // "110 litres" is the "110 L" of a name.
    .replace(/(?<![\p{L}\d-])(\d+(?:[.,]\d+)?)\s?(?:litres?|liters?|ltr?s?)\b/giu, "$1 l")
    // A bin bag's number is its volume: "sacs poubelle de 110", "bin bags 110" are the "110 L" ones.
    .replace(/\b(sacs? poubelles?|bin bags?|rubbish bags?)\s+(?:de\s+|of\s+)?(\d{2,3})\b(?!\s*(?:l\b|x\b|×|rouleaux|rolls?))/giu, "$1 $2 l")
    // "petite taille (S)", "size (M)": the letter in brackets says it.
    .replace(/\b(?:(?:petite|moyenne|grande)\s+)?(?:taille|size|sz)\s*\((xxl|xl|xs|s|m|l)\)/gi, (_, s: string) => ` qsize${SIZE_WORDS[s.toLowerCase()]} `)
    .replace(/\b(?:taille|size|sz|t\.)\s*(xxl|xl|xs|s|m|l)\b/gi, (_, s: string) => ` qsize${SIZE_WORDS[s.toLowerCase()]} `)
    // "nitrile gloves (M)", "gants nitrile (L)": a size letter in brackets after the glove words.
    .replace(/\b(gants?|gloves?)\b([\p{L} -]{0,30}?)\s*\((xxl|xl|xs|s|m|l)\)/giu, (_, w: string, mid: string, s: string) => `${w}${mid} qsize${SIZE_WORDS[s.toLowerCase()]} `)
    .replace(/\b(gants?|gloves?|nitriles?|nitrille|latex|vinyle?)\s+(xxl|xl|xs|s|m|l)\b(?!['’])/gi, (_, w: string, s: string) => `${w} qsize${SIZE_WORDS[s.toLowerCase()]} `)
    // "Nitrile gloves powder-free L", "Nitrile gloves - S x 6": a size letter ending a glove's name, a few words after "gloves".
    .replace(/\b(gants?|gloves?)\b([\p{L} -]{1,30}?)\s(xxl|xl|xs|s|m|l)(?=\s*(?:$|[;|,\t]|[x×]\s*\d))/gimu, (_, w: string, mid: string, s: string) => `${w}${mid} qsize${SIZE_WORDS[s.toLowerCase()]} `)
    // "3 boxes of M gloves", "size-M nitrile gloves": a size letter in capitals just before the glove words.
    .replace(/(?<![\p{L}\d'’-])(XXL|XL|XS|S|M|L)(?:-|\s+)(?=(?:(?:nitrile|latex|vinyl|powder-free|non poudr[ée]s?)\s+)*(?:gants?|gloves?)\b)/gu, (_, s: string) => ` qsize${SIZE_WORDS[s.toLowerCase()]} `)
    .replace(/\b(?:petite|moyenne|grande) taille\b/gi, (m: string) => `qsize${SIZE_WORDS[m.split(" ")[0]!.toLowerCase()]}`)
    // The words people use for what the catalog names otherwise: "rouleaux WC" are toilet rolls, brands stand for
    // their kind ("Scotch", "Post-it", "Stabilo", "Bic"), "LR6" is the AA size. Applied to names too, so a catalog
    // that says "Post-it" still matches.
    .replace(/\bpq\b/gi, "papier toilette")
    // "loo roll", "bog roll": British for toilet rolls.
    .replace(/\b(?:loo|bog) (?:rolls?|paper)\b/gi, "toilet tissue")
    .replace(/\b(?:wc|toilettes|loo)\b/gi, "toilette")
    .replace(/\btoilet (?:paper|rolls?)\b/gi, "toilet tissue")
    // "papier hygiénique" (French for toilet paper), "bathroom tissue" (Canadian and American).
    .replace(/\bpapiers? hygi[ée]niques?\b/gi, "papier toilette")
    .replace(/\bbathroom (?:tissue|paper)\b/gi, "toilet tissue")
    // "6 rouleaux d'adhésif", "4 rlx adhésif marron": the tape said by its adjective alone, as a noun after a roll.
    .replace(/\b(rouleaux|rouleau|rlx|d['’]|de l['’])\s*(adh[ée]sifs?)\b/giu, (_, w: string, a: string) => `${w} ruban ${a}`)
    // A brand standing for its kind is read through a one-letter slip as a catalog word is ("3 rlx de scoth").
    .replace(/\b[sS][\p{L}]{3,7}\b/gu, (w: string) => BRANDS.find((b) => oneEditApart(w.toLowerCase().replace(/s$/, ""), b)) ?? w)
    .replace(/\bscotchs?\b/gi, "ruban adhésif")
    // "film palette", "film de palettisation": the film wrapped round a pallet is stretch film, no pallet.
    .replace(/\bfilms? (?:de )?(?:palette|palettisation|palettiser)\b/gi, "film étirable")
    // ("quote the job number on the delivery note": the paperwork that travels with the goods, no sticky note.)
    .replace(/\b(delivery|dispatch|advice|packing|consignment|despatch) notes?\b/gi, "$1 paperwork")
    .replace(/\bpost[- ]?its?\b/gi, "notes repositionnables")
    .replace(/\bstabilos?\b/gi, "surligneurs")
    .replace(/\bbics?\b/gi, "stylos bille")
    .replace(/\blr0?6\b/gi, "AA")
    .replace(/\b(?:sha|gel hydro|hand gel|gel d[ée]sinfectant)\b/gi, "gel hydroalcoolique hand sanitiser")
    // (American and other Englishes' names for them: "can liners", "trash bags", "garbage bags", "refuse sacks".)
    .replace(/\b(?:bin|can|trash|garbage|refuse) (?:liners?|sacks?)\b|\b(?:trash|garbage|refuse) bags?\b/gi, "bin bags")
    .replace(/\b(?:stretch|pallet|shrink)[- ]?wrap\b/gi, "stretch film")
    .replace(/\b(?:parcel|packaging|brown) tape\b/gi, "packing tape")
    .replace(/\b(?:dish soap|dishwashing liquid)\b/gi, "washing-up liquid")
    // ("Small change: …", "a large order this time", "small correction": the word sizes the matter, not the goods.)
    .replace(/\b(small|medium|large)\b(?! (?:change|changes|problem|issue|thing|favou?r|request|correction|update|amendment|adjustment|query|question|tweak|mistake|error|note|point|order|matter)s?\b)/gi, (_, s: string) => `qsize${SIZE_WORDS[s.toLowerCase()]}`)
}

/**
 * "Nitrile gloves - S x 6, M x 10, L x 4", "gants M : 4, L : 2": once a piece of the line named a size, a size letter in
 * capitals beside a count (or a count and its unit) in a later piece is a size too (the piece then names the same product in that size).
 */
export function sizeLettersInList(text: string): string {
  if (!text.includes("qsize")) return text
  return text
    .replace(/(?<=(?:[,;+/]|\bet|\band)\s*)(XXL|XL|XS|S|M|L)(?=\s*(?:[x×:=-]\s*)?\d)/g, (s: string) => ` qsize${SIZE_WORDS[s.toLowerCase()]} `)
    // "1 boîte de gants M et 1 boîte de L", "2 boxes of M and 1 of L", "20 bt gants nitrile M + 5 bt en L": the letter after
    // a count and its unit.
    .replace(/(?<=(?:[,;+/]|\bet|\band)\s*(?:\d+|une?|one|an?)\s*(?:x\s*)?(?:(?:bo[iî]tes?|bt(?:es?|s)?|box(?:es)?|cartons?|paquets?|packs?|lots?)\s+)?(?:de\s+|d['’]\s*|of\s+|en\s+|in\s+)?)(XXL|XL|XS|S|M|L)(?![\p{L}\d'’])/gu, (s: string) => ` qsize${SIZE_WORDS[s.toLowerCase()]} `)
}
