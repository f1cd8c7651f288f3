import { foldText } from "../search/fold-text"
import { SELF_COUNTRY_CODE, STREET } from "./address-shapes"
import { emailOf } from "./customer-match"
import type { OrderMail } from "./types"

/**
 * Which words of a mail are the sender's new message: a reply's quoted history, a signature, a disclaimer are
 * cut off; a forwarded mail gives its forwarded message (with its own sender and date, so "jeudi" counts from
 * the day the customer wrote), itself without its older history.
 */

export interface MailSegment {
  /** The new text, without quotes and signature. */
  body: string
  /** The signature block (names, company, phones): read for the customer, never for lines. */
  signature: string
  /** Sender of this part (the top mail's, or a forwarded header's "From:"). */
  from: string | null
  /** ISO date of this part, when its header said it. */
  date: string | null
  subject: string | null
  /** The history this part quotes (a reply's "> " lines or copied header block), unquoted: read only on request. */
  quoted?: string
}

const FORWARD_MARKER = /^[>\s]*(?:-{2,}\s*)?(?:forwarded message|message transf[ée]r[ée]|d[ée]but du message r[ée]exp[ée]di[ée]|begin forwarded message|original message|message d'origine)\s*:?\s*(?:-{2,})?\s*$/i
const ATTRIBUTION = /^(?:le|on)\s.{6,200}(?:a [ée]crit|wrote)\s*:\s*$/i
const HEADER_FROM = /^[>\s]*\*?(?:de|from|exp[ée]diteur)\s*\*?\s*:\s*(.+)$/i
const HEADER_OTHER = /^[>\s]*\*?(?:envoy[ée]|sent|date|[àa]|to|pour|cc|objet|sujet|subject)\s*\*?\s*:/i
const CLOSING = /^(?:(?:bien |tr[èe]s |tr[eè]s bien |)cordialement|cdlt|cordialt|amicalement|bien [àa] (?:vous|toi)|bonne (?:journ[ée]e|soir[ée]e|fin de journ[ée]e)|salutations(?: distingu[ée]es)?|sinc[èe]res salutations|(?:best|kind|warm|many thanks and kind)? ?regards|best wishes|sincerely(?: yours)?|yours (?:sincerely|faithfully)|cheers|thanks?(?: you)?(?: very much| so much| a lot| a million)?|thx|many thanks|thanks in advance|thank you in advance|merci(?: beaucoup| bien| bcp| mille fois| encore)?|mille mercis|merci d'avance|merci par avance|d'avance merci|a bient[ôo]t|à bient[ôo]t|bonne r[ée]ception)\s*[,.!]*\s*$/i
const DISCLAIMER = /^(?:ce (?:message|courriel|mail|e-mail)|this (?:e-?mail|message)|the information contained|les informations contenues|avis de confidentialit|confidentiality notice|disclaimer|p(?:ensez|lease consider) (?:à|the environment)|merci de penser [àa] l'environnement|sent from my|envoy[ée] de mon|envoy[ée] depuis)/i
const SIG_DASHES = /^-- ?$|^_{5,}$|^-{5,}$/

function unquoteOnce(lines: readonly string[]): string[] {
  return lines.map((l) => l.replace(/^>\s?/, ""))
}

function parseHeaderBlock(lines: readonly string[], start: number): { from: string | null; date: string | null; subject: string | null; end: number } {
  let from: string | null = null
  let date: string | null = null
  let subject: string | null = null
  let i = start
  let seen = 0
  for (; i < lines.length && i < start + 12; i++) {
    const l = lines[i]!.replace(/^[>\s]+/, "").replace(/\*/g, "")
    if (l.trim() === "") {
      if (seen > 0) break
      continue
    }
    // (Thunderbird's French forward: "Sujet :", "Date :", "De :", "Pour :")
    const m = /^(de|from|exp[ée]diteur|envoy[ée]|sent|date|[àa]|to|pour|cc|objet|sujet|subject)\s*:\s*(.*)$/i.exec(l)
    if (!m) break
    seen++
    const key = m[1]!.toLowerCase()
    const value = m[2]!.trim()
    if (key === "de" || key === "from" || key.startsWith("exp")) from = value
    else if (key === "date" || key.startsWith("envoy") || key === "sent") date = value
    else if (key === "objet" || key === "sujet" || key === "subject") subject = value
  }
  return { from, date, subject, end: i }
}

/** Where the new text stops: a quote, an attribution line, a forward marker or a copied header block. */
function firstCut(lines: readonly string[], forwardHint: boolean): { at: number; kind: "forward" | "quote" | "none" } {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!
    if (FORWARD_MARKER.test(l)) {
      // Outlook marks a reply and a forward alike with "-----Original Message-----": a forward's subject tells.
      const kind = /original message|message d'origine/i.test(l) && !forwardHint ? "quote" : "forward"
      return { at: i, kind }
    }
    const joined = (l + " " + (lines[i + 1] ?? "")).trim()
    if (ATTRIBUTION.test(l.trim()) || (!/^>/.test(l) && ATTRIBUTION.test(joined) && /^(le|on)\s/i.test(l.trim()) && l.length < 120)) return { at: i, kind: "quote" }
    if (HEADER_FROM.test(l)) {
      const next = lines.slice(i + 1, i + 5)
      if (next.some((n) => HEADER_OTHER.test(n))) {
        const block = parseHeaderBlock(lines, i)
        // Outlook writes the same header block for a reply and a forward; the subject tells them apart.
        const fwd = forwardHint || (block.subject !== null && /^\s*(?:tr|fw|fwd|wg)\s*:/i.test(block.subject))
        return { at: i, kind: fwd ? "forward" : "quote" }
      }
    }
    if (/^>/.test(l)) {
      // A forward that Gmail quoted as a whole still starts with its marker a line or two later.
      const marker = lines.slice(i, i + 3).findIndex((n) => FORWARD_MARKER.test(n))
      if (marker >= 0) return { at: i + marker, kind: "forward" }
      return { at: i, kind: "quote" }
    }
  }
  return { at: lines.length, kind: "none" }
}

/** A postscript: "PS from Dr Shah: could you add…", "P.-S. : rajoutez…", "NB:". */
const POSTSCRIPT = /^(?:p\.?\s?-?s\.?|pps|n\.?\s?b\.?)(?=[\s:,.\-–—(]|$)/i

/**
 * A rule of dashes that opens a framed block (a printed form, a replenishment card: rules above and below, figures
 * between) rather than a signature.
 */
function framed(lines: readonly string[], at: number): boolean {
  const rule = (l: string): boolean => /^[-_]{5,}$/.test(l.trim())
  if (!rule(lines[at]!)) return false
  // The rule that closes the block still ends the message: a generated footer under it is no one's words.
  const end = lines.findIndex((l, k) => k > at + 1 && rule(l))
  if (end < 0) return false
  const inside = lines.slice(at + 1, end)
  return !DISCLAIMER.test(inside.find((l) => l.trim() !== "")?.trim() ?? "") && inside.filter((l) => /\d/.test(l)).length >= 2
}

function splitSignature(lines: readonly string[]): { body: string[]; signature: string[] } {
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.trim()
    // A system's note under the title of the order it sends ("AUTOMATED PURCHASE ORDER" / "This message was generated by
    // Zapier…"), nothing but that title in capitals above it, is no footer: the order follows it.
    const above = lines.slice(0, i).filter((l) => l.trim() !== "")
    const preamble = DISCLAIMER.test(t) && above.length > 0 && above.every((l) => !/\p{Ll}/u.test(l)) && above.some((l) => /\b(?:ORDER|COMMANDE)\b/.test(l))
    if ((SIG_DASHES.test(t) && !framed(lines, i)) || (DISCLAIMER.test(t) && !preamble)) return { body: lines.slice(0, i), signature: lines.slice(i) }
    // A closing formula ends the message only near the end or when what follows looks like a signature.
    if (t.length <= 60 && CLOSING.test(t) && i > 0) {
      // A postscript after the sign-off is the message again ("Many thanks, Chloe" / "PS: could you add…"), also under
      // a name, a title and a blank line: its paragraph joins the body, the signature is what follows it.
      const ps = lines.findIndex((l, k) => k > i && POSTSCRIPT.test(l.trim()))
      if (ps > i && ps - i <= 8) {
        let end = ps
        while (end < lines.length && lines[end]!.trim() !== "") end++
        return { body: [...lines.slice(0, i), ...lines.slice(ps, end)], signature: [...lines.slice(i, ps), ...lines.slice(end)] }
      }
      return { body: lines.slice(0, i), signature: lines.slice(i) }
    }
  }
  return { body: [...lines], signature: [] }
}

/**
 * A reply written inside the quote, under each quoted line ("> Sacs poubelle 50 L :" then "4"): each answer is the
 * sender's, read with the quoted line it answers ("Sacs poubelle 50 L : 4"). Only lines between quoted ones count
 * (what follows the last quoted line is a sign-off), and at least two of them (one stray line is no form filled in).
 */
/** A line answering our quoted question, as inlineAnswers joins them: "<our question> ? : <the answer>". */
export const INLINE_ANSWER = /^(.+\?)[ \t]*:[ \t]+(\S.*)$/gm
/** The sender's words alone: each answer without the question of ours it is joined to ("combien de rouleaux ?" is ours). */
export function answersOnly(text: string): string {
  return text.replace(INLINE_ANSWER, "$2")
}

function inlineAnswers(lines: readonly string[]): string[] {
  const last = lines.findLastIndex((l) => /^>/.test(l))
  const out: string[] = []
  let asked: string | null = null
  for (let i = 0; i < last; i++) {
    const l = lines[i]!
    if (/^>/.test(l)) {
      const q = l.replace(/^(?:>\s?)+/, "").trim()
      if (q !== "") asked = q
      continue
    }
    if (l.trim() === "" || asked === null) continue
    out.push(`${asked.replace(/\s*:\s*$/, "")} : ${l.trim()}`)
    asked = null
  }
  return out.length >= 2 ? out : []
}

/**
 * Plain text hard-wrapped at 72 or 76 columns by the sender's client ("… 6 boîtes de gants nitrile" / "taille M, 4
 * boîtes…"): a long line that stops mid-sentence and the line after it that goes on in lower case are one line again,
 * so an item cut in two is read whole. The last line of a paragraph joins too when it is a short tail ("5 L."). Two
 * lines that each start with a count are items of a list, never one wrapped line.
 */
const LIST_COUNT = /^(?:\d+|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty)\s+\p{L}/iu
const ENDS_ON_POSTAL_CODE = new RegExp(String.raw`(?:${SELF_COUNTRY_CODE.source.replace(/^\\b|\\b$/g, "")}|\b\d{4,5} \p{Lu}[\p{L}'’-]+(?:[ -]\p{L}[\p{L}'’-]+){0,3})\s*$`, "u")
function unwrapped(lines: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < lines.length; i++) {
    let l = lines[i]!
    while (i + 1 < lines.length && l.length >= 60 && !/[|\t]/.test(l) && /[\p{L}\d,)]$/u.test(l.trimEnd()) && !/^\s*>/.test(l)) {
      const next = lines[i + 1]!.trim()
      const tail = next.length > 0 && next.length <= 20 && (lines[i + 2] ?? "").trim() === "" && /[.!]$/.test(next)
      if (!(/^\p{Ll}/u.test(next) || tail) || /[|\t]/.test(next)) break
      // "un colis de papier toilette (celui de 96 rouleaux, …)" / "un carton d'essuie-mains": two lines that each
      // start with a count are two items of a list, however long the first.
      if (LIST_COUNT.test(lines[i]!.trim()) && LIST_COUNT.test(next)) break
      // "to the depot: Unit 12, …, Cork T45 XK20" / "our account no. is 20417": a line that ends on an address's postal code
      // ended there; the next one, in lower case, is another thing said.
      if (ENDS_ON_POSTAL_CODE.test(l) && (STREET.test(l) || /\b(?:unit|suite|building|bâtiment|lot)\s+\d/i.test(l))) break
      l = `${l.trimEnd()} ${next}`
      i++
    }
    out.push(l)
  }
  return out
}

/** The text under the last quoted line of a reply that wrote nothing above its quote, split from its signature. */
function bottomPosted(lines: readonly string[]): { body: string[]; signature: string[] } | null {
  const last = lines.findLastIndex((l) => /^>/.test(l))
  if (last < 0) return null
  const rest = lines.slice(last + 1)
  if (rest.every((l) => l.trim() === "") || rest.some((l) => FORWARD_MARKER.test(l) || HEADER_FROM.test(l))) return null
  const split = splitSignature(rest)
  return split.body.some((l) => l.trim() !== "") ? split : null
}

export function splitMail(text: string, top: { from: string | null; date: string | null; subject: string | null }, forwardHint = /^\s*(?:tr|fw|fwd|wg)\s*:/i.test(top.subject ?? "")): MailSegment[] {
  const segments: MailSegment[] = []
  let lines = text.replace(/\r\n?/g, "\n").split("\n")
  let header = top
  for (let depth = 0; depth < 5; depth++) {
    const cut = firstCut(lines, depth === 0 && forwardHint)
    const { body, signature } = splitSignature(lines.slice(0, cut.at))
    segments.push({ body: unwrapped(body).join("\n").trim(), signature: signature.join("\n").trim(), ...header })
    if (cut.kind === "quote") {
      const seg = segments[segments.length - 1]!
      seg.quoted = lines.slice(cut.at).map((l) => l.replace(/^(?:>\s?)+/, "")).join("\n")
      const answers = inlineAnswers(lines.slice(cut.at))
      if (answers.length > 0) seg.body = [seg.body, ...answers].join("\n").trim()
      // A reply written under the whole quote (bottom-posting, as Apple Mail and older clients leave it): nothing
      // above the quote, the sender's words after its last quoted line.
      const under = bottomPosted(lines.slice(cut.at))
      if (seg.body === "" && under !== null) {
        seg.body = under.body.join("\n").trim()
        seg.signature = [seg.signature, ...under.signature].join("\n").trim()
      }
    }
    if (cut.kind !== "forward") break
    let rest = lines.slice(cut.at + (FORWARD_MARKER.test(lines[cut.at]!) ? 1 : 0))
    if (rest.length > 0 && rest.filter((l) => l.trim() !== "").every((l) => /^>/.test(l))) rest = unquoteOnce(rest)
    const block = parseHeaderBlock(rest, 0)
    header = { from: block.from, date: block.date, subject: block.subject }
    lines = rest.slice(block.end)
    // A forwarded message quoted whole under its own header, the header left unquoted ("De : Maud …" then "> Bastien, il
    // nous faut : …"): the quoted lines are that message's words, not a history it quotes.
    if (block.from !== null && lines.some((l) => l.trim() !== "") && lines.filter((l) => l.trim() !== "").every((l) => /^>/.test(l))) lines = unquoteOnce(lines)
  }
  return segments
}

/**
 * A relay of our own (a rep forwarding his own reply to the customer: "A saisir svp" above "Bien reçu, je transmets"
 * above the customer's "voilà ce qu'il nous faut"): when every part read so far is ours and the deepest quotes a
 * message written from outside ("Le 2 déc. à 17:55, Amélie <…@boulangerie…> a écrit :"), that message is a part too.
 */
export function withRelayedQuote(segments: readonly MailSegment[], ownDomains: readonly string[]): MailSegment[] {
  const ours = (from: string | null): boolean => ownDomains.includes(/@([\w.-]+)/.exec(from ?? "")?.[1]?.toLowerCase() ?? "")
  const last = segments[segments.length - 1]
  if (last?.quoted === undefined || !segments.every((s) => ours(s.from))) return [...segments]
  const lines = last.quoted.split("\n")
  const at = lines.findIndex((l) => l.trim() !== "")
  const attribution = lines.slice(at, at + 2).join(" ").trim()
  const from = /^(?:le|on)\s.{6,200}?(?:a [ée]crit|wrote)\s*:/i.test(attribution) ? /[\w.+'-]+@[\w-]+(?:\.[\w-]+)+/.exec(attribution)?.[0] ?? null : null
  if (from === null || ours(from)) return [...segments]
  const end = lines.findIndex((l, i) => i >= at && /(?:a [ée]crit|wrote)\s*:\s*$/i.test(l))
  return [...segments, ...splitMail(lines.slice(end + 1).join("\n"), { from, date: null, subject: null }, false)]
}

/** A mail server's notice that a message could not be delivered ("Undeliverable:", "Mail delivery failed"). */
const BOUNCE_SUBJECT = /^\s*(?:undeliverable|undelivered mail|non remis|non distribu[ée]|delivery status notification|mail delivery (?:failed|failure)|returned mail|[ée]chec de (?:la )?(?:remise|distribution))\b/i
const BOUNCE_FROM = /\b(?:postmaster|mailer-daemon|mail delivery (?:system|subsystem))\b/i
const BOUNCE_BODY = /\b(?:delivery has failed|could(?:n't| not) be (?:delivered|found)|address not found|n'a pas pu être (?:remis|distribu[ée])|adresse introuvable|remise a échoué)\b/i

/**
 * A forward of one's own message above the bounce it got ("Resending as the first one bounced"): the bounce is the
 * server's words, the message it returns (its quoted part, under its own header) is the sender's. Each bounce gives
 * way to that message, with its own sender and date.
 */
export function withoutBounces(segments: readonly MailSegment[]): MailSegment[] {
  const out: MailSegment[] = []
  for (const s of segments) {
    const bounce = s !== segments[0] && (BOUNCE_SUBJECT.test(s.subject ?? "") || BOUNCE_FROM.test(s.from ?? "")) && BOUNCE_BODY.test(`${s.body}\n${s.signature}`)
    if (!bounce || s.quoted === undefined) {
      out.push(s)
      continue
    }
    const lines = s.quoted.split("\n")
    const block = parseHeaderBlock(lines, 0)
    out.push(...splitMail(lines.slice(block.end).join("\n"), { from: block.from, date: block.date, subject: block.subject }, false))
  }
  return out
}

/** The HTML's text when it holds a table the plain part flattened; otherwise the plain part. */
export function chooseBody(mail: OrderMail): string {
  // Rows of three cells or more: a signature's "Bristol BS1 4DJ | 0117 496 0789" is no table.
  const rows = (t: string): number => t.split("\n").filter((l) => (l.match(/\|/g)?.length ?? 0) >= 2).length
  // (a table of two columns, "Item | Qty", flattened to one cell a line: two rows or more of cells the plain part lacks)
  const pairs = (t: string): number => t.split("\n").filter((l) => /\S\s*\|\s*\S/.test(l)).length
  const tableInHtml = (/\|/.test(mail.htmlText) && !/\|/.test(mail.text)) || rows(mail.htmlText) > rows(mail.text) || pairs(mail.htmlText) >= pairs(mail.text) + 2
  if (mail.text.trim() === "" || tableInHtml) return mail.htmlText
  return mail.text
}

/**
 * The parts written by the customer: the top message, and when it is a colleague's forward (or a forward with
 * little of its own), the forwarded message too.
 */
export function ownSegments(segments: readonly MailSegment[], ownDomains: readonly string[]): MailSegment[] {
  if (segments.length === 1) return [...segments]
  const top = segments[0]!
  const topDomain = emailOf(top.from)?.split("@")[1] ?? ""
  const internal = ownDomains.includes(topDomain)
  // Our own words are never the customer's order: a customer forwarding our order confirmation to their goods-in.
  const next = segments[1]!
  const ours = !internal && ownDomains.includes(emailOf(next.from)?.split("@")[1] ?? "")
  // Our rep's relay two deep (his note, his own reply to the customer, then the customer's mail): down to the
  // first part written from outside.
  const outside = segments.findIndex((s) => !ownDomains.includes(emailOf(s.from)?.split("@")[1] ?? ""))
  if (internal && outside > 1 && outside <= 3) return segments.slice(0, outside + 1)
  // "Voici la liste de notre chef d'écurie ci-dessous, à livrer avant le 10": a note that says what it passes on is
  // below takes the forwarded message, however long the note.
  return (internal || top.body.length < 400 || PUT_BELOW.test(foldText(top.body))) && !ours ? [top, next] : [top]
}

/**
 * The note says what it sends is further down: "je vous mets le récapitulatif en dessous", "the list is below"; or that
 * it passes a list on ("je vous transfère la liste de notre cuisinière", "forwarding you Sam's list"), however long it
 * goes on about where and when (not an order: "je vous transfère la commande passée chez un autre fournisseur, pour
 * comparaison" passes on someone else's order).
 */
const PUT_BELOW = /\b(?:ci dessous|en dessous|plus bas|below|underneath|further down|(?:transfere|transmets|forward(?:ing)?|passing on) (?:\w+ ){0,4}(?:liste|list|besoins|needs))\b/

/**
 * What a part's note puts under its sign-off ("Je vous mets le récapitulatif généré par Copilot en dessous", a meeting's
 * recap or a list pasted below the signature): the signature block's paragraphs after its first, when the note says
 * something is below or they hold a chat's lines ("23/11/2026, 15:14 - Amira: large gloves, 3 boxes"); "" otherwise.
 */
/** A line of a chat exported or pasted ("23/11/2026, 15:14 - Amira: …", "[01/12/2026 14:02] Julie: …"). */
const CHAT_LINE = /^[ \t]*\[?\d{1,2}[/.]\d{1,2}[/.]\d{2,4},?[ \t]+\d{1,2}:\d{2}(?::\d{2})?\]?[ \t]*(?:[-–][ \t]*)?[^:\n]{1,40}:[ \t]/gm

export function belowSignOff(s: MailSegment, foldedBody: string): string {
  // A chat pasted under the sign-off (three of its lines or more) is what the note passes on, said or not.
  if (s.signature === "" || (!PUT_BELOW.test(foldedBody) && (s.signature.match(CHAT_LINE) ?? []).length < 3)) return ""
  const at = s.signature.search(/\n[ \t]*\n/)
  return at < 0 ? "" : s.signature.slice(at)
}
