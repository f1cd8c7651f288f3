import { compactCode, foldText } from "../search/fold-text"
import { NUMBER_WORDS } from "./line-words"
import type { FoundLine } from "./lines"
import { unitOfWord } from "./units"

/**
 * The words each line of the review shows (issue #11): a sentence that gives several lines ("Il nous faudrait 3 boîtes
 * de gants nitrile M, 2 cartons de papier A4 et 5 rouleaux de sacs 110 L pour jeudi") is each line's evidence as read,
 * so every line repeated the whole sentence and a wrong count hid in it. Here each line of such a sentence gets its own
 * clause (« 2 cartons de papier A4 »): its count, its unit and its product's words. A line whose words are its own
 * already (a table row, a one-item sentence, a line with its heading) keeps them, and so does every line of a sentence
 * whose clauses cannot all be told apart (a dictation with no commas, one count for three sizes): the whole sentence
 * is still right there, a wrong clause would not be.
 */
export function ownWordsOfLines(lines: readonly FoundLine[]): string[] {
  const out = lines.map((l) => l.evidence)
  const shared = new Map<string, number[]>()
  lines.forEach((l, i) => shared.set(l.evidence, [...(shared.get(l.evidence) ?? []), i]))
  for (const [sentence, at] of shared) {
    // A line read with the one under it ("… / Qté : 5") or added up over sites keeps its joined words.
    if (at.length < 2 || sentence.includes(" / ")) continue
    const clauses = clausesOf(sentence, at.map((i) => lines[i]!))
    if (clauses !== null) at.forEach((i, k) => (out[i] = clauses[k]!))
  }
  return out
}

interface Word {
  start: number
  end: number
  /** Folded pieces: « d'essuie-mains » is "d", "essuie", "mains". */
  parts: string[]
  folded: string
}

interface Segment {
  from: number
  to: number
}

const STOP = new Set(["de", "d", "du", "des", "of", "the", "a", "an", "en", "la", "le", "les", "l", "pour", "for", "x", "et", "and", "with", "avec", "non"])
const SIZES: Readonly<Record<string, string>> = { s: "s", small: "s", petit: "s", petite: "s", petits: "s", petites: "s", m: "m", medium: "m", moyen: "m", moyenne: "m", moyens: "m", moyennes: "m", l: "l", large: "l", grand: "l", grande: "l", grands: "l", grandes: "l" }
const MEASURES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["m", ["metre", "metres", "meter", "meters", "metro"]],
  ["l", ["litre", "litres", "liter", "liters", "ltr"]],
  ["cl", ["centilitre", "centilitres"]],
  ["kg", ["kilo", "kilos"]]
]
/** Words that end a line's own words: what comes after them says when, where, or thanks. */
const TAIL = /^(?:for|pour|pr|by|to|at|a|au|aux|asap|please|pls|plz|svp|stp|merci|thanks|thank|cheers|ta|with|avec|sans|without|livr\w*|deliver\w*|si|if|when|quand|des|next|this|ce|cette|ces|today|tomorrow|demain|aujourd|hui|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|before|avant|apres|after|on|le|la|les|du|de|d|of|the|ok|urgent|soon|vite|also|aussi|too|then|puis|so|donc|that|which|qui|que|we|nous|i|je|il|our|notre|nos|your|vos|votre|is|are|was|will|would|est|sont|sera|and|et|or|ou|as|comme|in|en|dans|from|chez|par|per|each|chacun|chacune|thx|bye|regards|cordialement|bonne|good|have|avoir|need|want|faut|faudrait|while|whilst|rather|instead|plutot|point|full|stop|voila|euh|um|er|under|sous|po|bc|ref|order|commande|ok|okay|oui|yes|no|non|not|pas|just|juste|only|seulement|again|encore|same|meme|usual)$/
/** Words that count besides NUMBER_WORDS' ("a couple of", « une paire de », "half a dozen"). */
const MORE_COUNTS = new Set(["couple", "paire", "pair", "half", "demi", "douzaines", "dozens"])

function wordsOf(text: string): Word[] {
  return [...text.matchAll(/[\p{L}\p{N}]+(?:['’.,×/-][\p{L}\p{N}]+)*/gu)].map((m) => {
    const folded = foldText(m[0].replace(/(\d)\s*[×x]\s*(?=\d)/g, "$1x"))
    return { start: m.index, end: m.index + m[0].length, parts: folded.split(" ").filter((p) => p !== ""), folded }
  })
}

/** Cuts where lines.ts cuts a sentence into items (commas, "et", "and", "+"), and at a spaced dash; never in brackets. */
function segmentsOf(text: string): Segment[] {
  const cuts: Segment[] = []
  let depth = 0
  let from = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (c === "(") depth++
    else if (c === ")") depth = Math.max(0, depth - 1)
    if (depth > 0) continue
    const here = text.slice(i)
    const cut = /^(?:,(?!\d)|;|\+|&|\||\s[-–]\s|\s(?:et|and|plus)\s)/i.exec(here)
    if (cut !== null) {
      cuts.push({ from, to: i })
      from = i + cut[0].length
      i = from - 1
    }
  }
  cuts.push({ from, to: text.length })
  return cuts.filter((s) => text.slice(s.from, s.to).trim() !== "")
}

/** The product's words as customers write them: its name's words, its sizes, its measures run together ("110l", "40x30x30"). */
function productWords(l: FoundLine): { strong: Set<string>; all: Set<string>; size: string | null } {
  const name = foldText(`${l.product.nameFr} ${l.product.nameEn}`.replace(/(\d)\s*[×x]\s*(?=\d)/g, "$1x"))
  const words = name.split(" ")
  const all = new Set(words)
  words.forEach((w, i) => {
    if (/^\d/.test(w) && words[i + 1] !== undefined && /^[a-z]{1,3}$/.test(words[i + 1]!)) all.add(w + words[i + 1]!)
  })
  all.add(compactCode(l.product.ref))
  // "3 mètres", "110 litres", "the 5 litre cleaner": the name's "3 m", "110 L" spelt out.
  for (const [short, long] of MEASURES) if (all.has(short)) for (const w of long) all.add(w)
  for (const w of name.replace(/(\d)x(?=\d)/g, "$1 ").split(" ")) all.add(w)
  const strong = new Set([...all].filter((w) => w.length >= 2 && !STOP.has(w) && !/^\d+$/.test(w) && unitOfWord(w) === null && !/^(?:mm|cm|ml|cl|kg|gsm|taille|size)$/.test(w)))
  const size = /\b(?:taille|size) ([sml])\b/.exec(name)?.[1] ?? null
  return { strong, all, size }
}

function stem(w: string): string {
  // "rallonges" and "rallonge", "gloves" and "glove", "rouleaux" and "rouleau" are one word.
  return w.length > 3 ? w.replace(/[sx]$/, "").replace(/e$/, "") : w
}

function isStrong(w: Word, p: ReturnType<typeof productWords>): boolean {
  const stems = new Set([...p.strong].map(stem))
  return w.parts.some((x) => p.strong.has(x) || stems.has(stem(x))) || p.strong.has(w.folded.replace(/ /g, ""))
}

function isWeak(w: Word, p: ReturnType<typeof productWords>): boolean {
  return p.size !== null && w.parts.length === 1 && SIZES[w.parts[0]!] === p.size
}

/** A word that counts goods: a figure not of the product's own name, a number word, "a" or « une » before a unit. */
function isCount(sentence: string, words: readonly Word[], k: number, l: FoundLine, p: ReturnType<typeof productWords>): boolean {
  const w = words[k]!
  const figure = /^x?(\d+(?:[.,]\d+)?)x?$/.exec(w.folded.replace(/ /g, ""))
  // "1) stylos bille", "2. RAL-3M": a list's own number opening the sentence counts nothing.
  if (figure !== null && k === 0 && /^[.)]\s/.test(sentence.slice(w.end))) return false
  if (figure !== null) return Number(figure[1]!.replace(",", ".")) === l.quantity || !p.all.has(figure[1]!)
  const only = w.parts.length === 1 ? w.parts[0]! : ""
  if (/^(?:a|an|un|une|one)$/.test(only)) {
    const next = words[k + 1]
    return next !== undefined && (unitOfWord(next.folded) !== null || MORE_COUNTS.has(next.folded) || /^(?:dozen|douzaine)$/.test(next.folded) || isStrong(next, p))
  }
  return (NUMBER_WORDS[only] !== undefined || MORE_COUNTS.has(only) || w.parts.some((x) => /^(?:demi|douzaines?|dozens?)$/.test(x))) && only !== ""
}

/** Each line's clause, in the lines' order; null when one of them cannot be found on its own. */
function clausesOf(sentence: string, lines: readonly FoundLine[]): string[] | null {
  const words = wordsOf(sentence)
  const segments = segmentsOf(sentence).map((s) => ({ ...s, words: words.map((w, k) => ({ w, k })).filter(({ w }) => w.start >= s.from && w.end <= s.to).map(({ k }) => k) }))
  const kinds = lines.map(productWords)
  const score = lines.map((_, i) => segments.map((s) => s.words.reduce((n, k) => n + (isStrong(words[k]!, kinds[i]!) ? 2 : isWeak(words[k]!, kinds[i]!) ? 1 : 0), 0)))
  const anchors = bestAnchors(score)
  if (anchors === null) return null
  const clauses: string[] = []
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!
    const p = kinds[i]!
    const hit = (k: number) => isStrong(words[k]!, p) || isWeak(words[k]!, p)
    const count = (k: number) => isCount(sentence, words, k, l, p)
    // The line's words: its anchor segment, and the ones after it up to its count when the count comes later
    // ("gants nitrile M, 10 boîtes"), never into the next line's.
    const last = i + 1 < lines.length ? anchors[i + 1]! - 1 : segments.length - 1
    let own = [...segments[anchors[i]!]!.words]
    for (let s = anchors[i]! + 1; s <= last && !own.some(count); s++) own = [...own, ...segments[s]!.words]
    const firstHit = own.find(hit)
    if (firstHit === undefined || !own.some(count)) return null
    // From the count right before the product's first word ("Nous avons 12 aides : il faut 9 boîtes de gants" is 9),
    // with the words that count along with it ("a dozen", « deux douzaines »), else from the product's first word.
    const before = own.filter((k) => k < firstHit && count(k))
    let start = before.length > 0 ? before[before.length - 1]! : firstHit
    while (start > 0 && own.includes(start - 1) && count(start - 1) && !/\d/.test(words[start - 1]!.folded) && before.length > 0) start--
    // To the product's last word, its measure after it ("sacs 110 L"), or a count said after the product ("x10").
    let end = Math.max(...own.filter(hit))
    if (before.length === 0) {
      const after = own.filter((k) => k > firstHit && count(k))
      if (after.length > 0) end = Math.max(end, after[after.length - 1]!)
      if (after.length > 0 && own.includes(end + 1) && unitOfWord(words[end + 1]!.folded) !== null) end++
    }
    for (let k = end + 1; own.includes(k); k++) {
      if (STOP.has(words[k]!.folded) && own.includes(k + 1) && p.all.has(words[k + 1]!.folded)) continue
      if (!words[k]!.parts.every((x) => p.all.has(x))) break
      end = k
    }
    // The count the line took, said later in its words ("a carton of AA batteries (4 packs is plenty)"), is shown too.
    const said = (k: number) => Number(words[k]!.folded.replace(/^x|x$/g, "")) === l.quantity || NUMBER_WORDS[words[k]!.folded] === l.quantity
    const later = own.find((k) => k > end && said(k))
    if (!own.some((k) => k >= start && k <= end && said(k)) && later !== undefined) end = own.includes(later + 1) && unitOfWord(words[later + 1]!.folded) !== null ? later + 1 : later
    // A word or two more of the goods the catalog spells otherwise ("4 rolls stretch wrap", "two of your storage pallets"),
    // up to what says when, where or thanks.
    for (let k = end + 1, more = 0; more < 2 && own.includes(k) && /^\p{L}+$/u.test(words[k]!.folded) && !TAIL.test(words[k]!.folded) && !count(k) && /^[\s\p{L}'’-]*$/u.test(sentence.slice(words[end]!.end, words[k]!.start)); k++, more++) end = k
    let to = words[end]!.end
    // An aside opened in the clause is closed in it: "a carton of AA batteries (4 packs is plenty)".
    const open = sentence.slice(words[start]!.start, to).split("(").length - sentence.slice(words[start]!.start, to).split(")").length
    if (open > 0) {
      const close = sentence.indexOf(")", to)
      if (close >= 0 && close < segments[last]!.to) to = close + 1
    }
    clauses.push(sentence.slice(words[start]!.start, to).trim())
  }
  return new Set(clauses).size === clauses.length ? clauses : null
}

/**
 * One segment per line, in the sentence's order, each naming its line's product (score > 0), the best total: the
 * lines came out of the sentence in its order.
 */
function bestAnchors(score: readonly (readonly number[])[]): number[] | null {
  const n = score.length
  const m = score[0]?.length ?? 0
  // best[i][j]: the best total of lines i.. with line i at segment j or later.
  const best: number[][] = Array.from({ length: n + 1 }, () => Array<number>(m + 1).fill(-Infinity))
  for (let j = 0; j <= m; j++) best[n]![j] = 0
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) {
      const here = score[i]![j]! > 0 ? score[i]![j]! + best[i + 1]![j + 1]! : -Infinity
      best[i]![j] = Math.max(here, best[i]![j + 1]!)
    }
  if (best[0]![0]! === -Infinity) return null
  const out: number[] = []
  let j = 0
  for (let i = 0; i < n; i++) {
    while (!(score[i]![j]! > 0 && score[i]![j]! + best[i + 1]![j + 1]! === best[i]![j]!)) j++
    out.push(j)
    j++
  }
  return out
}
