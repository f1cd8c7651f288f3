import type { Product } from "../customers/customer.schema"
import { compactCode, foldText } from "../search/fold-text"
import { CatalogMatcher } from "./catalog-match"
import { CustomerMatcher, emailOf, isPublicDomain, notTheirAccount, withoutReferrers } from "./customer-match"
import { withCxmlRead } from "./cxml"
import { withOcrRepaired } from "./ocr-text"
import { withEdifactRead } from "./edifact"
import { asSlot, DELIVERY_SLOT, orderedApart } from "./other-matter"
import { dayOf, findDates, isoDay, writesMonthFirst } from "./dates"
import { deliveryDateOf } from "./delivery-date"
import { findDeliveryAddress } from "./delivery-address"
import { poCandidates } from "./order-number"
import { findLines, type FoundLine } from "./lines"
import { ADDS_UP_TO } from "./line-words"
import { ownWordsOfLines } from "./line-evidence"
import { attachmentSources, bestPo, bySize, clamp, dedupe, foldBySentence, nameHas, withoutEarlierRest } from "./extract-helpers"
import { unitOfWord } from "./units"
import { addressInSignature } from "./address-fallbacks"
import { keepsQuotedRest, retellBelow, sizesRetold, strikeBelow, struckFromQuote } from "./quoted-rest"
import { answersOnly, belowSignOff, chooseBody, ownSegments, splitMail, withoutBounces, withRelayedQuote, type MailSegment } from "./mail-body"
import { ACCEPT, AGREES, EXCEPT, INVOICING, inPacks, ITEM_CHANGE, itemNumber, ITEMS, onTopOfQuoted, PLACE_ORDER, PROPOSAL, reorderOverForward, RETOLD, countWord, SAME_DELIVERY, SAME_PLACE_AND_DAY, SCALE, spokenNumber, STRIKE, theseNamed, WHOLE_QUOTE } from "./reply-words"
import { decideOrder, KEY_IN, readOrderAct } from "./order-act"
import { ESTIMATE_PREFIX, NOT_ORDER_VERDICTS } from "./not-order-reasons"
import { ourRowsOnly, ownNameWords, rowsToOrderOnly } from "./shared-sheet"
import { addUpSites, ordersForSites } from "./sites"
import { aboutEarlierOrder, acknowledgesOrder, addressedToColleagues, askedAbout, goodsDelivered, goodsReceived, meantForAnotherSupplier, newAddress, notAnOrderYet, paperwork, paymentOrInvoice, recordsNotice, shippedNotice, tentativeMarks, withoutCitations } from "./order-intent"
import { AUTO_REPLY, AWAY, BULK, NEGATIVE, NOTHING_NOW, ORDER_CUES, namesSalonShow, ORDER_NOTICE, PLACED, PURPOSE_AFTER_ASK, PURPOSE_AHEAD, REORDER, RESCHEDULE, SALON_TRADE, STRONG_ORDER, TO_THE_STAND, UNLESS_CANCELLED, VETO } from "./order-cues"
import { REMEMBERED_ADDRESS, type CustomerMemory, type ExtractedOrder, type OrderContext, type OrderMail } from "./types"
import { ROUGH_COUNT_CONFIDENCE } from "./rough-counts"

/**
 * Reads one mail and proposes the order in it, field by field with a confidence and the words each came from,
 * or says it is not an order. Pure and synchronous: the background worker, the CLI and the bench run this same
 * function. Build an `OrderExtractor` once per catalog: it indexes the products and customers.
 */

export class OrderExtractor {
  private readonly matcher: CatalogMatcher
  private readonly customers: CustomerMatcher
  private readonly productByRef: Map<string, Product>
  private readonly excluded: Set<string>

  constructor(private readonly ctx: OrderContext) {
    this.matcher = new CatalogMatcher(ctx.products)
    this.customers = new CustomerMatcher(ctx.customers, ctx.memory ?? {})
    this.productByRef = new Map(ctx.products.map((p) => [compactCode(p.ref), p]))
    this.excluded = new Set([...this.productByRef.keys(), ...this.customers.codes()])
  }

  extract(sent: OrderMail): ExtractedOrder {
    // Names matched are remembered for one mail only: each mail costs what it costs, read once or again.
    this.matcher.forgetNames()
    // An EDI ORDERS message attached as text is read as the order it encodes.
    // A scan's OCR text has its 0/O and 1/l mistakes put right (ocr-text.ts).
    const mail = { ...sent, attachments: sent.attachments.map((a) => ({ ...a, text: withOcrRepaired(a.text.includes("UNH+") || a.text.includes("<OrderRequest") ? withCxmlRead(withEdifactRead(a.text)) : a.text) })) }
    const confidence: Record<string, number> = {}
    const evidence: Record<string, string> = {}
    const mailDay = dayOf(mail.date) ?? new Date(2026, 0, 1, 12)
    // "~~mardi 15/12~~ mercredi 16/12": what a note struck through is withdrawn, for the day as for the lines.
    const body = withDictationRead(withCxmlRead(withEdifactRead(chooseBody(mail))).replace(/~~[^~\n]*~~/g, " "))
    const internal = (this.ctx.ownDomains ?? []).includes(mail.from.address.toLowerCase().split("@")[1] ?? "")
    const segments = withRelayedQuote(withoutBounces(splitMail(body, { from: `${mail.from.name} <${mail.from.address}>`, date: mail.date, subject: mail.subject }, internal || /^\s*(?:tr|fw|fwd|wg)\s*:/i.test(mail.subject))), internal ? (this.ctx.ownDomains ?? []) : [])
    // Our rep's "à saisir" above a chain the customer approved inside its own company (the request, the boss's "ok sauf
    // le film : 12 rouleaux", the buyer's "c'est validé"): the whole chain is the customer's, the latest word on top.
    if (internal && segments.length >= 2 && KEY_IN.test(foldText(segments[0]!.body))) {
      for (let quoted = segments[segments.length - 1]!.quoted; quoted !== undefined && segments.length < 5; quoted = segments[segments.length - 1]!.quoted) {
        const deeper = splitMail(quoted, { from: null, date: null, subject: null }, true).filter((s) => s.body !== "" && s.from !== null)
        if (deeper.length === 0) break
        segments.push(...deeper)
      }
    }
    const approvalChain = internal && segments.length > 2 && KEY_IN.test(foldText(segments[0]!.body)) && segments.slice(1).every((s) => !(this.ctx.ownDomains ?? []).includes(emailOf(s.from)?.split("@")[1] ?? ""))
    const own = reorderOverForward(approvalChain ? segments.slice(0, 5) : ownSegments(segments, this.ctx.ownDomains ?? []), mail.subject, REORDER)
    const segDay = (s: MailSegment): Date => {
      if (s.date === mail.date) return mailDay
      const found = s.date === null ? [] : findDates(s.date, mailDay)
      return found[0]?.date ?? mailDay
    }

    // Order number first: it can name the customer (their own numbering).
    // A reply's subject names the earlier order ("RE: Order confirmation … PO HE-41020"): the new text's number first.
    const replySubject = /^\s*(?:re|r[ée]f|aw|sv)\s*:/i.test(mail.subject)
    // A reply to one of our documents ("Re: Order confirmation CF-26-2204", "RE: Devis D-118") carries our number.
    const oursInSubject = replySubject && /\b(?:votre commande|your order|confirmation|acknowledge?ment|accus[ée] de r[ée]ception|devis|quot(?:e|ation)|invoice|facture|avoir|credit note|proforma)\b/i.test(mail.subject)
    const poText = [...(replySubject ? [] : [mail.subject]), ...own.map((s) => s.body), ...own.map((s) => s.subject ?? "").filter((x) => !(oursInSubject && x === mail.subject)), ...mail.attachments.map((a) => a.text), ...(replySubject && !oursInSubject ? [mail.subject] : [])].join("\n")
    // The number of an earlier order whose rest is chased in passing is that order's.
    const pos = poCandidates(withoutEarlierRest(poText), this.excluded, null)
    const senders = own.map((s) => ({ address: emailOf(s.from), name: (s.from ?? "").replace(/<[^>]*>/, "").replace(/"/g, "").trim() }))
    const topAddress = { address: mail.from.address.toLowerCase(), name: mail.from.name }
    if (!senders.some((s) => s.address === topAddress.address)) senders.push(topAddress)
    // The buyer a system's order names ("Buyer: William Sinclair, procurement@…", "Acheteur : …"): a sender too.
    for (const m of [...own.map((s) => s.body), ...mail.attachments.map((a) => a.text)].join("\n").matchAll(/^[ \t]*(?:buyer|acheteur|ordered by|command[ée]e? par)\s*:([^\n]*)$/gim)) {
      const address = emailOf(m[1]!)
      if (address !== null) senders.push({ address, name: m[1]!.replace(address, "").replace(/[,<>()]/g, " ").trim() })
    }
    const signatureText = own.map((s) => s.signature).join("\n")
    const allText = [...own.map((s) => s.body), ...mail.attachments.map((a) => a.text)].join("\n")
    // A customer named as who recommended us is not the buyer; nor the sender's firm when the sender says so.
    let customerHit = this.customers.match({ senders, signatureText, text: withoutReferrers(allText), poNumber: pos[0]?.value ?? null })
    if (customerHit !== null && notTheirAccount(foldText(`${mail.subject}\n${allText}`))) customerHit = null
    // Our rep's relay or our chat's transcript, written by us alone ("Brasserie du Port - cde par SMS", "Visitor: Harry
    // Thornton – h.thornton@…", "Thibault Dumont vient de m'appeler"): the customer is whom the subject and the text
    // name (an address, a company, a contact's full name), never our own people.
    if (customerHit === null && internal && own.every((s) => (this.ctx.ownDomains ?? []).includes(emailOf(s.from)?.split("@")[1] ?? ""))) {
      const text = `${mail.subject}\n${allText}`
      const named = [
        ...[...text.matchAll(/[\w.+'-]+@[\w-]+(?:\.[\w-]+)+/g)].map((m) => ({ address: m[0].toLowerCase(), name: "" })).filter((x) => !(this.ctx.ownDomains ?? []).includes(x.address.split("@")[1] ?? "")),
        ...[...text.matchAll(/\b\p{Lu}[\p{Ll}'-]+ \p{Lu}[\p{L}'-]+\b/gu)].map((m) => ({ address: null, name: m[0] })).filter((x) => !senders.some((s) => s.name === x.name))
      ]
      customerHit = this.customers.match({ senders: named, signatureText: "", text, poNumber: pos[0]?.value ?? null })
    }
    const memory: CustomerMemory = customerHit !== null ? (this.ctx.memory?.[customerHit.customer.code] ?? {}) : {}
    const morePos = memory.poPrefix ? poCandidates(withoutEarlierRest(poText), this.excluded, memory.poPrefix) : pos

    // Lines: the attachment's purchase order, then the mail's own words for products the attachment lacks.
    const aliases = Object.entries(memory.productAliases ?? {})
      .map(([words, ref]) => ({ words: foldText(words).split(" "), product: this.productByRef.get(compactCode(ref)) }))
      .filter((a): a is { words: string[]; product: Product } => a.product !== undefined && a.words[0] !== "")
    const lineOpts = { matcher: this.matcher, aliases, prefer: new Set(memory.usualRefs ?? []) }
    const found: FoundLine[] = []
    // A sheet shared with other suppliers: only its rows marked for us (shared-sheet.ts).
    const ownWords = ownNameWords(this.ctx.ownDomains ?? [])
    for (const a of mail.attachments) found.push(...findLines(ourRowsOnly(a.text, ownWords), lineOpts).map((l) => ({ ...l, source: a.filename })))
    // "Oubliez la ligne des chaises", "drop the chairs from the PO": the mail strikes a line of its attachment.
    for (const s of own) {
      for (const m of s.body.matchAll(STRIKE)) {
        const hit = this.matcher.matchName(foldText(m[1]!).split(" ")).hit
        const at = hit === null ? -1 : found.findIndex((l) => l.product.ref === hit.product.ref)
        if (at >= 0) found.splice(at, 1)
      }
    }
    const fromAttachments = new Set(found.map((l) => l.product.ref))
    for (const s of own) {
      // Up a chain, a product named again is the later word on it ("12 rouleaux suffiront" above "30 rouleaux"; a note
      // above the meeting notes it forwards: "it's 3 extension leads not 2").
      const above = new Set(found.map((l) => l.product.ref))
      for (const l of findLines(ourRowsOnly(theseNamed(s, lineOpts), ownWords), lineOpts)) {
        // "Pour le scotch, c'est bien 72 rouleaux (le PDF dit « 2 » parce qu'il compte en cartons)": the mail's count in
        // the unit we sell it by replaces the attachment's in another unit.
        const at = found.findIndex((f) => f.source !== undefined && f.product.ref === l.product.ref && f.unit !== l.product.unit && l.unit === l.product.unit)
        if (at >= 0) found.splice(at, 1, l)
        else if (!fromAttachments.has(l.product.ref) && !above.has(l.product.ref)) found.push(l)
      }
      // "Je vous mets le récapitulatif en dessous": what the note puts under its sign-off, for products it does not name.
      for (const l of findLines(belowSignOff(s, foldText(s.body)), lineOpts)) if (!found.some((f) => f.product.ref === l.product.ref)) found.push(l)
    }
    // "Make that 20 reams, not 15" above the colleague's list it forwards ("15 reams of A4"): the forwarder's later word
    // retells the one line below of that count and unit (or name), as a reply's "8 boxes, not 6" does its quote's.
    const refsIn = (segments: typeof own): Set<string> => new Set(segments.flatMap((s) => findLines(ourRowsOnly(theseNamed(s, lineOpts), ownWords), lineOpts).map((l) => l.product.ref)))
    // ("enlevez les piles" above the list it forwards: a line of it struck; the lines each part names read once, for both.)
    const [mine, below] = own.length > 1 ? [refsIn(own.slice(0, 1)), refsIn(own.slice(1))] : [new Set<string>(), new Set<string>()]
    if (own.length > 1) retellBelow(own[0]!.body, found, mine, below)
    if (own.length > 1) strikeBelow(own[0]!.body, found, this.matcher, mine, below)
    // "Cde : 4 rlx film étirable + 2 rallonges 3m svp" above a bare signature: the whole order in a new subject.
    if (found.length === 0 && !/^\s*(?:re|r[ée]f|aw|sv|tr|fw|fwd|wg)\s*:/i.test(mail.subject)) {
      found.push(...findLines(mail.subject.replace(/^\s*[\p{L}.]{1,12}\s*:\s*/u, "").replace(/\s+(?:\+|&|et|and)\s+/g, "\n"), lineOpts))
    }
    // "OK pour le devis ci-dessous, bon pour accord": a reply that accepts what it quotes orders the quoted lines;
    // "Same again please" orders what the quoted order had. Flagged for review.
    // The part that answers what it quotes: the top message, or in a colleague's forward the reply it forwards
    // ("Validé sous le n° EV-2026-341, sauf les masques : 10 boîtes" above the request it approves).
    const top = own.find((s) => s.quoted !== undefined) ?? own[0]
    let quotedLines: FoundLine[] | null = null
    const linesQuoted = (): FoundLine[] => (quotedLines ??= top?.quoted === undefined ? [] : findLines(top.quoted, lineOpts))
    // "All fine except the small boxes": agreeing to a list we suggested ("we'd suggest…", "reply to confirm").
    const agrees = top?.quoted !== undefined && AGREES.test(foldText(top.body)) && PROPOSAL.test(foldText(top.quoted))
    const accepts = top?.quoted !== undefined && (agrees || ACCEPT.test(foldText(`${mail.subject}\n${top.body}`)))
    // "On refait la même que la dernière fois, mais doublez les gobelets, et ajoutez-moi 2 kilos de café": the
    // quoted order again, its lines changed or added to by the reply's own.
    // "Le reste ne change pas", "everything else as Jenna listed": the quoted order, changed by the reply (quoted-rest.ts).
    const keepsRest = top?.quoted !== undefined && keepsQuotedRest(top.body, top.quoted, mail.from, this.ctx.ownDomains ?? [])
    const again = top?.quoted !== undefined && (REORDER.test(foldText(top.body)) || keepsRest)
    if (top?.quoted !== undefined && (accepts || again)) {
      const quoted = linesQuoted().map((l) => ({ ...l, confidence: Math.min(l.confidence, 0.65) }))
      // "…sauf les masques": what the reply leaves out of the quote.
      const without = new Set<string>()
      let excepts = false
      const requantified = new Map<string, number>()
      for (const m of top.body.matchAll(EXCEPT)) {
        excepts = true
        // The quoted lines the words name: the catalog's best match, else the quoted products whose name has them
        // all ("sauf les gants" when the quote has one kind of gloves).
        // "except the small boxes - we're overstocked on those": the words before a dash or a comma name them.
        const phrase = m[1]!.split(/\s+[-–]\s+|[,;:(]|\s+(?:this time|cette fois|for now|pour cette fois)\b/)[0]!
        const words = foldText(phrase).split(" ").filter((w) => w.length > 2 && !/^(?:les|des|the|une?)$/.test(w)).map((w) => w.replace(/s$/, ""))
        const hit = this.matcher.matchName(foldText(phrase).split(" ")).hit
        const all = linesQuoted().filter((l) => words.length > 0 && words.every((w) => nameHas(l.product, w))).map((l) => l.product.ref)
        const named = hit !== null ? [hit.product.ref] : all.length > 0 ? all : bySize(words, linesQuoted())
        // "sauf les masques : 10 boîtes suffiront" changes the quantity (the reply's own line, or the number after).
        // So does "sauf les cartons : mettez-en 150 au lieu de 100" (a verb or two, then the number replacing the quote's).
        const rest = top.body.slice(m.index + m[0].length)
        const after = /^\s*(?:[:,–-]\s*)?(?:seulement |only |just )?(\d{1,4})\b/.exec(rest) ?? /^\s*(?:[:,–-]\s*)?(?:[\p{L}'’-]+\s+){1,3}(\d{1,4})\b(?=[^.;!?\n]{0,20}\b(?:au lieu de|instead of|rather than|not)\s+\d)/u.exec(rest)
        for (const ref of named) {
          if (found.some((l) => l.product.ref === ref)) continue
          if (after !== null) requantified.set(ref, Number(after[1]))
          else without.add(ref)
        }
      }
      // "The same again, except only one toner this time and 8 reams instead of 6": a quoted line's new quantity, said
      // with a word its product's name or unit has (and the old quantity, when given).
      for (const m of top.body.matchAll(RETOLD)) {
        const said = foldText(m[2] ?? m[4]!)
        const word = said.replace(/s$/, "")
        const was = m[5] === undefined ? null : Number(m[5])
        // ("8 boxes, not 6": the unit as written, "boxes", when its singular without the s is no word.)
        const unit = unitOfWord(word) ?? unitOfWord(said)
        const hits = linesQuoted().filter((l) => (nameHas(l.product, word) || unit === foldText(l.product.unit)) && (was === null || l.quantity === was))
        if (hits.length === 1 && !found.some((l) => l.product.ref === hits[0]!.product.ref)) requantified.set(hits[0]!.product.ref, countWord(m[1] ?? m[3]!))
      }
      if (keepsRest) {
        for (const ref of struckFromQuote(top.body, linesQuoted(), this.matcher)) without.add(ref)
        for (const [ref, n] of sizesRetold(top.body, linesQuoted())) if (!found.some((l) => l.product.ref === ref)) requantified.set(ref, n)
      }
      // The reply's own lines change a quoted product's quantity ("mettez-en 15 boîtes au lieu de 10") or add one.
      const changed = new Set(found.map((l) => l.product.ref))
      // "2 rolls more of the stretch film", "3 cartons de plus": the reply's number added to the quoted one.
      for (const l of found) {
        const was = linesQuoted().find((q) => q.product.ref === l.product.ref)
        if (was !== undefined && onTopOfQuoted(l.evidence, l.quantity) && !ADDS_UP_TO.test(l.evidence)) l.quantity += was.quantity
      }
      // Its own lines alone when it names what it takes ("go ahead and send 2 chairs"); the quote's too when it
      // takes the quote as a whole, leaves something out or changes a quantity ("au lieu de 10").
      // An amendment to the sender's own order quoted below ("Amendment to this morning's PO: make the film 10 rolls
      // instead of 6, and add 4 boxes of masks"): that order is placed already, only what the amendment names is new.
      const amendsOwn = AMENDS.test(foldText(top.body)) && quotedFrom(top.quoted, mail.from)
      const whole = !amendsOwn && (found.length === 0 || excepts || WHOLE_QUOTE.test(foldText(top.body)))
      // "We'll take items 1, 2 and 4 from your quotation, but make item 2 a dozen": the quote's numbered lines.
      const items = new Set<number>()
      const left = new Set<number>()
      for (const m of top.body.matchAll(ITEMS)) {
        // "Leave the chairs (item 3) for now", "sauf l'article 3": numbers named to be left out.
        const before = foldText(top.body.slice(Math.max(0, m.index - 40), m.index).split(/[.!?;]/).pop() ?? "")
        const out = /\b(?:leave|drop|skip|forget|hold off|not|except|without|sauf|hormis|sans|pas|laissez|oubliez|retirez|enlevez)\b/.test(before)
        for (const n of m[1]!.match(/\d{1,2}/g) ?? []) (out ? left : items).add(Number(n))
      }
      for (const n of left) items.delete(n)
      if (items.size > 0 && quoted.some((l) => itemNumber(l) !== null)) {
        const retold = new Map<number, number>()
        for (const m of top.body.matchAll(ITEM_CHANGE)) retold.set(Number(m[1]), spokenNumber(m[2]!))
        const taken = quoted.filter((l) => items.has(itemNumber(l) ?? -1)).map((l) => (retold.has(itemNumber(l)!) ? { ...l, quantity: retold.get(itemNumber(l)!)! } : l))
        const quotedRefs = new Set(quoted.map((l) => l.product.ref))
        found.splice(0, found.length, ...taken, ...found.filter((l) => !quotedRefs.has(l.product.ref)))
      } else if (quoted.length > 0 && (whole || (again && !amendsOwn))) {
        // "doublez les gobelets", "twice as many cups", "half the water": a quoted quantity scaled.
        const scaled = new Map<string, number>()
        for (const m of top.body.matchAll(SCALE)) {
          const phrase = foldText(m[2]!.split(/\s+(?:et|and|mais|but|sans|without)\s+|[,;.]/)[0]!)
          // "le double de ramettes": the one quoted product the words name, by its name or the unit it is sold by.
          const words = phrase.split(" ").filter((w) => w.length > 2).map((w) => w.replace(/s$/, ""))
          const named = linesQuoted().filter((l) => words.length > 0 && words.every((w) => nameHas(l.product, w) || foldText(l.product.unit) === w))
          const hit = this.matcher.matchName(phrase.split(" ")).hit ?? (named.length === 1 ? named[0]! : null)
          if (hit !== null) scaled.set(hit.product.ref, /^(?:(?:le |the )?tripl|three times|trois fois)/i.test(m[1]!) ? 3 : /^(?:moitie|half)/i.test(m[1]!) ? 0.5 : 2)
        }
        const kept = quoted
          .filter((l) => !without.has(l.product.ref) && !changed.has(l.product.ref))
          .map((l) => (scaled.has(l.product.ref) ? { ...l, quantity: Math.max(1, Math.round(l.quantity * scaled.get(l.product.ref)!)) } : l))
          .map((l) => (requantified.has(l.product.ref) ? { ...l, quantity: requantified.get(l.product.ref)! } : l))
        found.splice(0, found.length, ...kept, ...found.filter((l) => !without.has(l.product.ref)))
      }
    }
    // "Please go ahead with the 200 rolls": a quantity the reply names without its product is the quoted one's.
    if (top?.quoted !== undefined) {
      for (const m of top.body.matchAll(/\b(?:the|les|ces|these|those)\s+(\d+)\s+([\p{L}]+)/giu)) {
        const n = Number(m[1])
        if (unitOfWord(foldText(m[2]!)) === null || found.some((l) => l.quantity === n)) continue
        const same = linesQuoted().filter((l) => l.quantity === n)
        if (same.length === 1) found.unshift({ ...same[0]!, confidence: Math.min(same[0]!.confidence, 0.65), evidence: m[0] })
      }
    }
    // "Make the stretch film 8 not 12", "c'est bien 4 rouleaux et pas 40": the quantity given up is no line of its own.
    for (const l of [...found]) {
      const m = /\b(\d{1,4})\s+(?:[\p{L}]+\s+)?(?:not|instead of|rather than|au lieu de|et (?:non|pas)|pas)\s+(?:the\s+|les\s+)?(\d{1,4})\b/iu.exec(l.evidence)
      if (m !== null && Number(m[1]) === l.quantity) for (let k = found.length - 1; k >= 0; k--) if (found[k] !== l && found[k]!.product.ref === l.product.ref && found[k]!.quantity === Number(m[2])) found.splice(k, 1)
    }
    // An order gathered for several shops, depots or deliveries adds up each product's quantities (sites.ts).
    let lines = ordersForSites([mail.subject, ...own.map((s) => s.body), ...mail.attachments.map((a) => a.text)].join("\n")) ? addUpSites(found.map(inPacks)) : dedupe(found.map(inPacks))

    // Is it an order at all?
    // A tracker's rows bought already or cancelled ("Annulé", "Ordered") are no words of this mail's (shared-sheet.ts).
    const sheets = mail.attachments.map((a) => rowsToOrderOnly(a.text))
    // Our questions the sender answered inside the quote ("combien de rouleaux ? : 4 rouleaux") are our words, not theirs.
    const orderText = foldText([mail.subject, ...own.map((s) => rowsToOrderOnly(answersOnly(s.body))), ...sheets].join("\n"))
    const subject = foldText(mail.subject)
    // Bulk words in the customer's own text only: a reply to a newsletter quotes its "Se désinscrire".
  let auto = mail.bulk === true || AUTO_REPLY.test(subject) || AUTO_REPLY.test(foldText(own[0]?.body ?? "")) || new Set([...foldText(own[0]?.body ?? "").matchAll(AWAY)].map((m) => m[0])).size >= 2 || BULK.test(foldText(own.map((s) => `${s.body}\n${s.signature}`).join("\n")))
    // A marketplace's, a web shop's or an ERP's notice of a new order for us ("Vous avez reçu une nouvelle commande",
    // "You have a new order", "Requisition … approved, please find attached Purchase Order"): sent by a machine, an
    // order all the same.
    const orderNotice = ORDER_NOTICE.test(foldText(`${mail.subject}\n${own[0]?.body ?? ""}`))
    if (auto && orderNotice && !AUTO_REPLY.test(subject)) auto = false
    // A reply keeps the old subject ("Re: Votre facture"): its words weigh as much as a price's, no more.
    const reply = /^\s*(?:re|r[ée]f|aw|sv|tr|fw|fwd|wg)\s*:/i.test(mail.subject)
    // Our colleague's note above a customer's mail he forwards ("reçu hier soir sur ma boîte, pour saisie") speaks of
    // the mail, not of goods: only the customer's words say whether they order.
    const ownDomains = this.ctx.ownDomains ?? []
    const ofCustomer = own.filter((s) => !ownDomains.includes(emailOf(s.from)?.split("@")[1] ?? ""))
    const customerWords = internal && ofCustomer.length > 0 && ofCustomer.length < own.length ? ofCustomer : own
    const vetoParts = reply || customerWords !== own ? [...customerWords.map((s) => rowsToOrderOnly(answersOnly(s.body))), ...sheets] : [mail.subject, ...own.map((s) => rowsToOrderOnly(answersOnly(s.body))), ...sheets]
    const vetoText = withoutCitations(foldText(vetoParts.join("\n"))).replace(INVOICING, " ").replace(UNLESS_CANCELLED, " ")
    // A veto's words are read within one sentence: "the stand build starts the week before. Order below, PO …" asks
    // nothing "before ordering".
    // What the goods are for, said ahead of the asking ("pour le retour des prêts, merci de nous livrer") or after the
    // goods asked for ("merci de nous livrer 3 rouleaux de film pour le retour des prêts"), is no matter.
    const vetoes = new Set([...withoutCitations(foldBySentence(vetoParts)).replace(INVOICING, " ").replace(UNLESS_CANCELLED, " ").replace(PURPOSE_AHEAD, " ").replace(PURPOSE_AFTER_ASK, "$1").matchAll(VETO)].map((m) => m[0]))
    // A hairdresser's or a beauty parlour's "salon" is the shop itself, not a trade show: its trade, named anywhere in
    // the mail, its signature or the sender's address, says so ("Nina - L'Atelier, coiffure" under "il me faudrait pour
    // le salon"; "la machine du salon" from sophie@boulangerie-moreau.fr). A salon with a name ("au salon Hygiène Pro")
    // is a trade show whatever the trade.
    const ownText = own.map((s) => `${s.body}\n${s.signature}`).join("\n")
    // (A stand the goods are to be delivered to, « livrer directement sur place » at the show: an order for the show.)
    if (vetoes.has("salon") && ((SALON_TRADE.test(foldText(`${mail.from.name ?? ""}\n${mail.from.address}\n${ownText}`)) && !namesSalonShow(ownText)) || TO_THE_STAND.test(foldText(ownText)))) vetoes.delete("salon")
    // A calendar invitation booking the delivery of the goods ("je vous réserve ce créneau pour la livraison de notre
    // commande", "Delivery slot: … PO …"): the order's delivery, no meeting.
    const slot = DELIVERY_SLOT.test(vetoText)
    if (slot) vetoes.delete("invitation")
    // An order beside another matter: a complaint about an earlier delivery in one paragraph, "pour la suite, nous
    // aurions besoin de : …" in another. The other matter's words do not reach the paragraph that orders.
    // A mail about an earlier order's goods (its rest chased or waited for, a credit for a short delivery, a change
    // notice keeping the lines) asks for nothing new, unless a paragraph of its own orders.
    const earlier = aboutEarlierOrder(vetoText)
    if (earlier !== null) vetoes.add(earlier)
    const apart = vetoes.size > 0 ? orderedApart(customerWords.map((s) => s.body), lines, (folded) => [...withoutCitations(folded).matchAll(VETO)].length > 0 || aboutEarlierOrder(withoutCitations(folded)) !== null) : null
    if (apart !== null) {
      vetoes.clear()
      lines = apart.lines
    }
    // By kind of mail: quantities not firm yet (a forecast), a notice to update the supplier's records, products
    // named only in sentences asking what they cost or how long they take.
    const tentative = tentativeMarks(vetoText)
    if (tentative.length >= 2) vetoes.add(`${ESTIMATE_PREFIX}${tentative.join(", ")}`)
    const notice = recordsNotice(vetoText)
    // "Il me demande de passer la commande… en deux fois parce que nous déménageons": a move told as the reason for
    // how an order is delivered is no notice.
    if (notice !== null && !(lines.length > 0 && PLACE_ORDER.test(vetoText))) vetoes.add(notice)
    if (lines.length > 0 && lines.every(askedAbout)) vetoes.add(NOT_ORDER_VERDICTS.asksAbout)
    const placed = PLACED.exec(vetoText)
    const moved = RESCHEDULE.exec(vetoText)
    if (placed !== null && moved !== null) vetoes.add(`${placed[0]} … ${moved[0]}`)
    // Each way of saying it counts: "for your planning, not a PO" and "planning numbers only" in one mail.
    for (const nothing of vetoText.matchAll(new RegExp(NOTHING_NOW.source, "g"))) vetoes.add(nothing[0])
    const acknowledged = acknowledgesOrder(vetoText) ?? paperwork(vetoText)
    if (acknowledged !== null) vetoes.add(acknowledged)
    // A payment told or an invoice to correct (its goods bought already); an order meant for another supplier.
    for (const v of [paymentOrInvoice(vetoText), meantForAnotherSupplier(ownText, this.ctx.ownDomains ?? [])]) if (v !== null) vetoes.add(v)
    const negatives = new Set([...withoutCitations(orderText).replace(INVOICING, " ").matchAll(NEGATIVE)].map((m) => m[0]))
    if (tentative.length === 1) negatives.add(tentative[0]!)
    const moving = newAddress(vetoText)
    if (moving !== null) negatives.add(moving)
    if (reply) for (const m of subject.matchAll(VETO)) if (!vetoes.has(m[0])) negatives.add(m[0])
    const strong = STRONG_ORDER.test(orderText) || pos.length > 0
    // Goods reported in ("checked in", "tout est arrivé") with nothing asked for: a delivery, not an order.
    const received = goodsReceived(vetoText) ?? goodsDelivered(vetoText)
    if (received !== null && !STRONG_ORDER.test(vetoText)) vetoes.add(received)
    // By kind of mail too: an order still to come (placed later, once a price is matched or a budget checked),
    // usage figures (a survey, a tender's volumes), a phishing "PO" behind a sign-in; and a mail written to the
    // sender's colleagues, the supplier in copy, that asks the supplier for nothing itself.
    const later = notAnOrderYet(vetoText)
    if (later !== null) vetoes.add(later)
    // (Our own colleague forwarding a customer's order to another of us is the customer's order.)
    if (!internal && addressedToColleagues(mail.from.address, mail.to, isPublicDomain) && !STRONG_ORDER.test(vetoText)) vetoes.add(NOT_ORDER_VERDICTS.colleagues)
    // A mail we sent out (our quote to a customer, our own order to a supplier), copied to our order desk: written by
    // us to someone outside, it is no customer's order. A colleague's forward or our site's form is addressed to us.
    if (internal && mail.to.length > 0 && mail.to.every((a) => !ownDomains.includes(a.toLowerCase().split("@")[1] ?? ""))) vetoes.add(NOT_ORDER_VERDICTS.ownMail)
    const weak = ORDER_CUES.test(orderText)
    // A mail that is mostly a list of products with quantities is an order even without a word saying so.
    const bodyLines = own.flatMap((s) => s.body.split("\n")).filter((l) => l.trim() !== "" && !/^(?:bonjour|hello|hi|madame|dear|merci|thanks?)\b/i.test(l.trim())).length
    // One product in a two-line mail is no list: "Existe-t-il en boîte de 200 ? Nous en prenons 10 par mois."
    const listOnly = lines.length > 0 && lines.length >= 0.5 * bodyLines && (lines.length >= 2 || bodyLines <= 1)
    // Signals beside the words that say "order": several products with quantities, a day they are wanted, asking
    // politely ("a few bits please: … Could it be here by Saturday the 14th?"). They lift a mail nothing speaks
    // against; they never outweigh a veto (a cancellation lists its products and says "please" too).
    const several = lines.length >= 2 ? 0.75 : 0
    const polite = /\b(?:please|pls|svp|s il vous plait|s il te plait|merci de|merci d avance)\b/.test(orderText) ? 0.3 : 0
    // The delivery day, read once: it is a signal here and the field below.
    const dateLines: { text: string; ref: Date }[] = []
    // A reply's subject names the thread's earlier matter ("RE: Short delivery 12/11"), not the day wanted now.
    for (const s of own) for (const l of asSlot(s.body, slot).split("\n")) if (!(apart?.aside.some((p) => l.trim() !== "" && p.includes(l)) ?? false)) dateLines.push({ text: l, ref: segDay(s) })
    // The subject after the body: "Commande pour le 12 décembre" (the event) gives way to the body's "livraison avant le
    // jeudi 10 décembre".
    if (!replySubject) dateLines.push({ text: mail.subject, ref: mailDay })
    for (const a of mail.attachments) for (const l of a.text.split("\n")) dateLines.push({ text: l, ref: mailDay })
    // An American customer writes the month first; so does a mail whose other dates can only be read so ("Date: 11/30/2026").
    const monthFirst = customerHit?.customer.country === "US" || writesMonthFirst(allText)
    let delivery = lines.length === 0 ? null : deliveryDateOf(dateLines, { monthFirst })
    // "Still valid, please go ahead, same date": a reply taking the quoted order takes its day too, counted from
    // the day the quoted message was written.
    // "Ajoutez 2 lots de piles à la même livraison": what is added goes with the quoted order, on its day.
    // "Same day as below please": an added line goes on the day the quoted first mail asked for.
    // A request approved inside the customer's company and forwarded ("Approved. Raise with Comptoir under PO 77812"
    // over the ticket): its lines are the quoted request's, and so are its number and day (never our own quote's).
    const approvedInside = accepts && top?.quoted !== undefined && !ownDomains.some((d) => `${top.body}\n${top.quoted}`.toLowerCase().includes(d))
    if (delivery === null && lines.length > 0 && top?.quoted !== undefined && (keepsRest || ((accepts || again) && /\b(?:same (?:date|day)|(?:meme|la meme) (?:date|jour)|date (?:unchanged|inchangee)|as planned|comme prevu)\b/.test(foldText(top.body))) || SAME_DELIVERY.test(foldText(top.body)) || SAME_PLACE_AND_DAY.test(foldText(top.body)) || approvedInside)) {
      const sent = /^(?:sent|envoy[ée]|date|le)\s*:?\s*(.+)$/im.exec(top.quoted)?.[1]
      const ref = (sent === undefined ? undefined : findDates(sent, mailDay)[0]?.date) ?? mailDay
      delivery = deliveryDateOf(top.quoted.split("\n").map((text) => ({ text, ref })), { monthFirst })
    }
    const wanted = delivery !== null ? 0.5 : 0
    // Our rep's note passing on an order to key in ("à saisir sur son compte", "pls key in"): the order is his
    // colleague's to enter; his side remarks ("elle n'a pas reçu le catalogue", "à reporter sur la facture") are no
    // complaint or invoice matter of the customer's.
    if (internal && lines.length > 0 && KEY_IN.test(foldText(own[0]?.body ?? ""))) {
      vetoes.clear()
      negatives.clear()
    }
    let orderScore = lines.length === 0 ? 0 : (strong ? 2 : 0) + (weak ? 1 : 0) + (lines.some((l) => l.confidence >= 0.85) ? 0.5 : 0) + (listOnly ? 1 : 0) + (vetoes.size === 0 ? several + polite + wanted : 0) - negatives.size * 0.8 - vetoes.size * 4
    // A seller's shipping notice passed on without a word that orders: decided, whatever number it shows.
    const shipped = shippedNotice(vetoText)
    if (shipped !== null && !ORDER_CUES.test(foldText(own[0]?.body ?? ""))) vetoes.add(shipped)
    if (auto || (shipped !== null && vetoes.has(shipped))) orderScore = -10
    const isOrder = lines.length > 0 && orderScore > 0.4
    confidence.is_order = clamp(isOrder ? 0.5 + orderScore / 6 : 0.6 + Math.min(0.35, Math.max(0, -orderScore) / 6 + (lines.length === 0 ? 0.3 : 0)))
    evidence.is_order = isOrder ? (lines[0]?.evidence ?? "") : auto ? NOT_ORDER_VERDICTS.automatic : vetoes.size + negatives.size > 0 ? [...vetoes, ...negatives].join(", ") : NOT_ORDER_VERDICTS.noProduct

    // Taken for an order by the rules: proposed as one only with an explicit order act, else the agent is asked.
    const reading = isOrder ? readOrderAct({ subject: mail.subject, bodies: own.map((s) => s.body), attachments: mail.attachments.map((a) => a.text), acceptsQuoted: accepts || again }) : null
    const order_decision = decideOrder(isOrder, reading ?? { act: null, doubts: [] })
    if (reading !== null) {
      evidence.order_act = reading.act ?? ""
      evidence.order_doubts = reading.doubts.join(" · ")
    }

    if (!isOrder) {
      return { is_order: false, order_decision, customer_code: customerHit?.customer.code ?? null, po_number: null, delivery_date: null, delivery_address: null, lines: [], confidence: { ...confidence, customer_code: customerHit?.confidence ?? 0 }, evidence: { ...evidence, customer_code: customerHit?.evidence ?? "" }, evidenceFrom: {} }
    }

    // The approver's number first: the mail's own may be the request's or the ticket's ("REQ-512").
    const po = bestPo([...(approvedInside || keepsRest ? poCandidates(top!.quoted!, this.excluded, null) : []), ...morePos])
    confidence.customer_code = customerHit?.confidence ?? 0
    evidence.customer_code = customerHit?.evidence ?? ""
    confidence.po_number = po === null ? 0.6 : po.strength >= 3 ? 0.95 : po.strength === 2 ? 0.8 : 0.6
    evidence.po_number = po?.evidence ?? ""

    confidence.delivery_date = delivery === null ? 0.6 : delivery.relative ? 0.75 : 0.92
    evidence.delivery_date = delivery?.evidence ?? ""

    let address = null as { value: string; evidence: string; confidence: number } | null
    // (a body's signature that opens on thanks says the body's last block was written above them, not signed)
    for (const [t, signature] of [...mail.attachments.map((a) => [a.text, ""]), ...own.map((s) => [asSlot(s.body, slot), s.signature])]) {
      address = findDeliveryAddress(t!, mail.from.name ?? "", signature)
      if (address !== null) break
    }
    // "Delivery to stores at Cross Green as before": the address of the earlier order the reply quotes; so does a
    // colleague's "OK pour moi, mais 10 boîtes plutôt que 6" over the list put to them (the quoted list is the order).
    if (address === null && top?.quoted !== undefined && (keepsRest || (approvedInside && agrees) || /\b(?:as before|as last time|same address|comme la derniere fois|comme precedemment|meme adresse)\b/.test(foldText(top.body)) || SAME_PLACE_AND_DAY.test(foldText(top.body)))) {
      const earlier = findDeliveryAddress(top.quoted)
      if (earlier !== null) address = { ...earlier, confidence: 0.6 }
    }
    // "Deliver to me at the office address below": the signature's address.
    for (const s of own) address ??= addressInSignature(s.body, s.signature)
    if (address === null && memory.deliveryAddress) address = { value: memory.deliveryAddress, evidence: REMEMBERED_ADDRESS, confidence: 0.65 }
    // Goods ordered by one site of a group for another, delivered to the other's own address: the other's order.
    const site = customerHit !== null && address !== null ? this.customers.sameGroupAt(customerHit.customer, address.value) : null
    if (site !== null) customerHit = { customer: site, confidence: 0.75, via: "domain", evidence: address!.evidence }
    confidence.delivery_address = address?.confidence ?? 0.6
    evidence.delivery_address = address?.evidence ?? ""

    // Each line shows its own words, not the whole sentence it shares with others (line-evidence.ts).
    const lineWords = ownWordsOfLines(lines)
    lines.forEach((l, i) => {
      confidence[`lines.${i}`] = l.rough === true ? Math.min(l.confidence, ROUGH_COUNT_CONFIDENCE) : l.confidence
      evidence[`lines.${i}`] = lineWords[i]!
    })
    const evidenceFrom = attachmentSources(evidence, lines, mail, body)
    return {
      is_order: true,
      order_decision,
      customer_code: customerHit?.customer.code ?? null,
      po_number: po?.value ?? null,
      delivery_date: delivery === null ? null : isoDay(delivery.date),
      delivery_address: address?.value ?? null,
      lines: lines.map((l) => ({ ref: l.product.ref, quantity: l.quantity, unit: l.unit })),
      confidence,
      evidence,
      evidenceFrom
    }
  }
}

/** Words amending an order already sent: "Amendment to this morning's PO", "modification de notre commande", "please amend". */
const AMENDS = /\b(?:amendment|amended|amending|please amend|(?:change|changes) to (?:our|my|this|the|this morning s|yesterday s) (?:po|order|purchase order)|modification (?:de|a|sur) (?:notre|ma|la|cette) (?:commande|bc|bon de commande)|rectificatif|avenant)\b/

/** The quoted mail is the sender's own (its "From:" / "De :" line names them). */
function quotedFrom(quoted: string, from: { address: string; name: string }): boolean {
  const head = /^(?:from|de)\s*:\s*(.+)$/im.exec(quoted.split("\n").slice(0, 6).join("\n"))?.[1]?.toLowerCase() ?? ""
  return head !== "" && (head.includes(from.address.toLowerCase()) || (from.name.trim() !== "" && head.includes(from.name.trim().toLowerCase())))
}

/**
 * Dictation software that wrote the punctuation it was told ("four boxes of gloves comma two boxes of small full stop",
 * "new paragraph", "virgule", "point à la ligne"): the marks themselves, when the text says them twice or more.
 */
const SPOKEN_MARK = /[ \t]*\b(?:comma|full stop|new paragraph|new line|colon|virgule|point (?:a|à) la ligne|deux points|nouveau paragraphe)\b/gi
function withDictationRead(text: string): string {
  if ((text.match(SPOKEN_MARK) ?? []).length < 2) return text
  const mark = (m: string): string => {
    const w = m.trim().toLowerCase()
    return /^(?:comma|virgule)$/.test(w) ? "," : /^(?:colon|deux points)$/.test(w) ? ":" : /paragraph|ligne|line/.test(w) ? ".\n" : "."
  }
  return text.replace(SPOKEN_MARK, mark)
}
