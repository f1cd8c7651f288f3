import { foldText } from "../search/fold-text"
import { chooseBody, splitMail } from "./mail-body"
import { notOrderReasonParts } from "./not-order-reasons"
import { goodsDelivered, goodsReceived } from "./order-intent"

/**
 * What a complaint asks for, read beside the extractor's "not an order" (issue #11). A sales assistant reading "les
 * chaises reçues sont abîmées, merci de nous faire un avoir" must see at once that it is a complaint, what it is about
 * (an invoice or an order the mail names) and what the customer wants done, in the mail's own words. Pure: it reads
 * the mail text the extractor reads and never changes its verdict; the caller looks the references up in the base.
 */

export const COMPLAINT_ASK_KINDS = ["credit-note", "refund", "replacement", "collection", "visit", "callback"] as const
export type ComplaintAskKind = (typeof COMPLAINT_ASK_KINDS)[number]

export interface ComplaintAsk {
  kind: ComplaintAskKind
  /** The clause of the mail that asks it, as written. */
  words: string
  /**
   * Offered as the alternative to the ask before it, in the same clause ("merci de nous rembourser ou de les livrer",
   * "refund us or send them"): the customer leaves the choice to us. Absent when it is asked besides.
   */
  choice?: boolean
}

export interface ComplaintReading {
  /** The clause that complains, as written ("les chaises reçues sont abîmées"), or null when the mail's text lacks it. */
  about: string | null
  /** Invoice numbers the mail names after "facture" / "invoice", as written. */
  invoices: string[]
  /** Order, purchase order or delivery note numbers the mail names, as written. */
  orders: string[]
  /** What the customer asks for, in the mail's order; empty when the mail states nothing. */
  asks: ComplaintAsk[]
}

/**
 * Words that make a matter a complaint (damaged, wrong or missing goods, a dispute, money asked back), matched on
 * folded text. Narrower than the extractor's vetoes: a question about an invoice, a cancellation or a late delivery
 * is not a complaint, and "wrong" alone is not one ("I wrote the wrong address"). "Il manque 2 cartons" is goods
 * missing only with a count: "il manque le numéro de TVA" is not.
 */
const COMPLAINT =
  /\b(?:reclamation|complaints?|complain\w*|abime\w*|endommage\w*|damaged|broken|cassee?s?|litige|dispute\w*|defectu\w*|defective|faulty|(?:ne )?fonctionnen?t? pas|(?:doesn t|does not|don t|do not) work|not working|(?<!\b(?:je|nous|on) (?:te|vous|leur|lui) |\bje )rembours\w*|refund\w*|credit note|(?:un|d un|cet|votre) avoir|erreur de (?:livraison|reference|produit|commande)|wrong (?:\w+ ){0,2}(?:delivered|sent|received|shipped|size|colou?r|reference|item|items|product|products|goods|delivery)|(?:delivered|sent|received|shipped) (?:\w+ ){0,2}wrong|not the right (?:ones?|\w+)|(?:are|is|were|was) (?:the )?wrong ones?|pas (?:les|la|le) bon(?:ne)?s?|mauvais(?:e|es)? (?:reference|produit|article|taille|couleur|modele)|(?<!\b(?:bl|bon de livraison|facture|document|documents|papiers?) )manquant\w*|il (?:nous |en )?manque (?:encore )?\d+|missing|short (?:delivery|delivered|supply|shipped|shipment)|(?:delivered|shipped) short|(?:livraison|commande|colis) incomplete?s?|not happy|unhappy|pas content\w*|mecontent\w*|overcharged|(?:charged|billed) (?:us |me )?twice|surfactur\w*|factures? (?:en double|a tort)|facture\w* deux fois)\b/

/**
 * One product delivered in place of another ("vous nous avez livré du papier A3 au lieu de A4", "we received size S
 * gloves instead of M", "your driver dropped off 50 L bags in place of the 110 L"): goods told as already delivered,
 * then what they should have been. Not an order's own "livrer du A4 au lieu du A3" (an infinitive, no goods delivered
 * yet), "to be delivered to the yard instead of the office" or "doivent être livrés au dépôt au lieu du magasin" (to
 * come), what the sender sent us ("I sent you the quote instead of the PO"), "un reçu au lieu d'une facture" (a
 * paper), nor a day moved ("livré mardi au lieu de lundi": a late delivery is no complaint here, as above).
 */
const NOT_GOODS = String.raw`(?:(?:ce |cette |la |le |this |next |last |the )?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|demain|aujourd|matin|soir|semaine|mois|jour|date|heure|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|morning|afternoon|evening|week|month|day|time)|\d{1,2}(?:er)? (?:\d{1,2}|janv|fevr|mars|avril|mai|juin|juil|aout|sept|oct|nov|dec|jan|feb|mar|apr|may|jun|jul|aug|sep)\w*)\b`
const DELIVERED_INSTEAD = new RegExp(
  String.raw`(?:(?<!\b(?:un|une|le|la|les|des|du|ce|ces|cet|cette|votre|vos|notre|nos|mon|ma|mes|etre|sera|seront|serait|seraient|soit|soient|doit|doivent|vous ai|vous avons|t ai) )\b(?:livre|recu|envoye|expedie|fourni|depose|apporte|laisse)e?s?|\b(?:sont|est) arrivee?s?)\b(?: [a-z0-9]+){0,10} (?:au lieu|a la place) (?:de|du|des|d)(?: (?:la|le|l|les))? (?!${NOT_GOODS})` +
    String.raw`|(?:(?<!\b(?:i|we|i ve|we ve|i have|we have|i had|we had|i just|we just|be|being|to be|will be|have (?:it|them)|get (?:it|them)|want (?:it|them)|need (?:it|them)|like (?:it|them)) )\b(?:delivered|sent|shipped|supplied|brought|dropped off)|\b(?:received|got|arrived|came|turned up))\b(?: [a-z0-9]+){0,10} (?:instead of|rather than|in place of)(?: the)? (?!${NOT_GOODS})`
)

/** Whether folded words complain. */
const complains = (folded: string): boolean => COMPLAINT.test(folded) || DELIVERED_INSTEAD.test(folded)

/** What the customer asks for, each matched on one folded clause. */
const ASKS: readonly { kind: ComplaintAskKind; re: RegExp }[] = [
  {
    kind: "credit-note",
    re: /\b(?:(?:un|d un|cet|votre|notre) avoir|(?:faire|etablir|emettre|envoyer|adresser|transmettre|editer|obtenir|recevoir|demander|demande d) (?:nous |moi )?(?:l )?avoir|avoir (?:correspondant|a hauteur|du montant|sur (?:la|notre|cette) facture)|credit (?:note|memo)s?|(?:issue|send|raise|give|make|provide) (?:us |me )?(?:with )?a credit|credit (?:us|our account|the account|the difference|it back|please|pls)|(?:a|un) credit(?! (?:card|limit|check|account))|avoir (?:ou|or)|(?:ou|or) (?:un )?avoir|credited)\b/
  },
  { kind: "refund", re: /\b(?:(?<!\b(?:je|nous|on) (?:te|vous|leur|lui) |\bje )rembours\w*|refund\w*|reimburs\w*|money back|repay\w*)\b/ },
  {
    kind: "replacement",
    re: /\b(?:remplac\w*|replac\w*|echanger|echange (?:de|des|du|contre)|exchange (?:it|them|the|these|those|for)|(?:renvoyer|renvoyez|reexpedier|reexpediez|envoyer|envoyez|livrer|livrez|relivrer|relivrez|faire parvenir) (?:nous |moi )?(?:les |la |le |des |une |un |d autres )?(?:bon(?:ne)?s?(?! de\b)|correct\w*|nouve\w+|autres?|conforme\w*)|(?:send|ship|deliver|resend|redeliver|dispatch) (?:us |me )?(?:out )?(?:the |a |some |new )?(?:right|correct|new|proper|replacement)|the right ones?|bonnes? references?|nouvel envoi|nouvelle livraison|reliquat|(?:deliver|send|ship) (?:us )?the (?:balance|rest|missing \w+)|balance (?:will|to) be (?:delivered|sent|shipped)|redeliver\w*|relivr\w*|(?:nous |me |m )?(?:les|la|le|l) (?:livrer|livrez|expedier|expediez|faire parvenir)|(?:nous|me|m) (?:les|la|le|l) (?:envoyer|envoyez|renvoyer|renvoyez|reexpedier|reexpediez)|(?:livrer|livrez|envoyer|envoyez|expedier|expediez) (?:nous |moi )?(?:les|la|le|l) (?:\w+ )?(?:manquante?s?|restante?s?)|(?:send|ship|deliver|dispatch|resend) (?:us |me )?(?:them|it|those|these)(?! back\b| to you\b)|(?:send|ship|deliver|dispatch) (?:us |me )?(?:the )?(?:missing|remaining|outstanding) \w+)\b/
  },
  {
    kind: "collection",
    re: /\b(?:reprendre|reprenez|reprise|(?:venir|passer) (?:les |la |le )?(?:chercher|recuperer|enlever)|recuperer|recuperez|recuperation|enlevement|enlever|collect\w*|pick (?:\w+ ){0,2}up|pickup|take (?:\w+ ){0,2}back|come (?:and|to) (?:get|fetch)|(?:vous )?(?:les |la |le )?retourner|retour (?:de la marchandise|des (?:produits|articles|marchandises|colis|pieces))|(?:bon|etiquette|demande|autorisation|numero) de retour|return (?:them|it|the|these|those)|send (?:them|it|these|those|the \w+) back|vous (?:les |la |le )?renvoyer|returns? (?:label|form|number|authori[sz]ation)|rma)\b/
  },
  {
    kind: "visit",
    re: /\b(?:techniciens?|technicians?|intervention|intervenir|(?:passer|venir) (?:voir|constater|verifier|sur place)|visite|reparer|reparation|(?:send|need) (?:us )?(?:an engineer|someone|somebody)|(?:come|pop) (?:and|to|over|round|out) (?:\w+ )?(?:look|check|see|inspect|fix|repair)|site visit|(?:repair|fix) (?:it|them|this|these|the))\b/
  },
  { kind: "callback", re: /\b(?:(?:nous|me|m) (?:rappeler|appeler)|(?:rappelez|appelez) (?:nous|moi)|call (?:us|me)(?: back)?|give (?:us|me) a (?:call|ring)|ring (?:us|me)|phone (?:us|me))\b/ }
]

/**
 * An ask said not to be wanted ("pas de remboursement", "rather than a refund", "we don't need a technician"), or already
 * met elsewhere ("we've sourced replacements locally").
 */
const DENIED_BEFORE = /\b(?:pas|plus|ni|sans|no|not|never|without|rather than|instead of|plutot qu\w*|au lieu d\w*|don t|do not|sourced|bought|purchased|achete\w*|trouve\w*)(?: \w+){0,2} $/

/**
 * Clauses: an ask is quoted with its clause; "mais" / "but" ends one, so a refusal stays on its side of it. A comma
 * before "ou" / "or" / "sinon" / "soit" does not: "merci de nous les envoyer, sinon de nous rembourser" is one choice.
 */
const CLAUSE = /[.!?;\n]+|[,:]\s+(?!(?:ou|or|sinon|otherwise|soit|either)\b)|\s+(?:mais|but)\s+/iu

/** Words between two asks of one clause that make the second the alternative to the first ("ou", "or else", "soit … soit"). */
const OR_BETWEEN = /\b(?:ou|or|sinon|otherwise|alternatively|soit|a defaut|failing that)\b/

/**
 * Reason words that only report the goods delivered ("livre hier", "your driver dropped off", "recu ce matin") or ask
 * them taken back ("take them back"): they say what the mail is about, not whether it complains.
 */
const reportsDelivery = (folded: string): boolean => goodsDelivered(folded) !== null || goodsReceived(folded) !== null || ASKS.some(({ kind, re }) => kind === "collection" && re.test(folded))

const NUMBER_WORD = String.raw`\s*(?:n\s?°|nº|no\.?|num(?:[ée]ro)?\.?|number|nr\.?|#|r[ée]f(?:[ée]rence)?\.?)?\s*:?\s*`
const TOKEN = String.raw`((?=[\p{L}\p{N}\-/_.]*\p{N})[\p{L}\p{N}][\p{L}\p{N}\-/_.]*[\p{L}\p{N}])`
const INVOICE_REF = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:factures?|invoices?|fact\.)${NUMBER_WORD}${TOKEN}`, "giu")
const ORDER_REF = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:bons? de commande|purchase orders?|bons? de livraison|delivery notes?|commandes?|cdes?|orders?|p\.?o\.?|bl|bordereau)${NUMBER_WORD}${TOKEN}`,
  "giu"
)
const DATE_LIKE = /^\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{1,4})?$/

/**
 * The complaint a non-order is, or null when it is none. The extractor's reason says it (its quoted words: "abîmées",
 * "faire un avoir"); a reason that only says "no product with a quantity" leaves the mail's own words to say it ("wrong
 * paper delivered"). Any other reason (a quote asked, an out-of-office, a question) is no complaint, and neither is a
 * reason whose words the customer's new text does not complain with (they were in a quoted history, or "je te rembourse").
 */
export function complaintOf(reason: string, mail: { subject: string; text: string; htmlText: string }): ComplaintReading | null {
  const parts = notOrderReasonParts(reason)
  const saysComplaint = parts.some((p) => p.kind === "words" && complains(foldText(p.words)))
  // "Livré hier" (the subject of "vous nous avez livré du papier A3 au lieu de A4") or "no product" leaves the mail's
  // own words to say whether it complains; any other reason (a quote asked, a cancellation) says it is something else.
  const leavesItToTheWords =
    parts.length > 0 && parts.every((p) => (p.kind === "verdict" && p.verdict === "noProduct") || (p.kind === "words" && reportsDelivery(foldText(p.words))))
  if (!saysComplaint && !leavesItToTheWords) return null
  // The customer's own words must complain too: "je te rembourse" matched "rembourse" for the extractor.
  const reading = readComplaint(mail)
  return reading.about !== null ? reading : null
}

/** The complaint, its references and its asks, in the customer's own words (quoted history and signature left out). */
export function readComplaint(mail: { subject: string; text: string; htmlText: string }): ComplaintReading {
  const body = ownWords(mail)
  const split = (t: string) => t.split(CLAUSE).map((c) => c.replace(/\s+/g, " ").trim()).filter((c) => c !== "")
  const [subjectClauses, bodyClauses] = [split(mail.subject), split(body)]
  const clauses = [...subjectClauses, ...bodyClauses]
  const told = [...bodyClauses, ...subjectClauses]
  // What went wrong, as the customer tells it: the body's "les chaises reçues sont abîmées" says more than a subject's
  // "Réclamation facture F-2026-0142", and more than the clause that only asks ("merci de nous faire un avoir").
  const complaining = (c: string) => complains(foldText(c))
  const about = told.find((c) => complaining(c) && !ASKS.some(({ re }) => re.test(foldText(c)))) ?? told.find(complaining) ?? null
  const asks: ComplaintAsk[] = []
  for (const clause of clauses) {
    const folded = foldText(clause)
    const here: { kind: ComplaintAskKind; at: number; end: number }[] = []
    for (const { kind, re } of ASKS) {
      if (asks.some((a) => a.kind === kind)) continue
      const hit = [...folded.matchAll(new RegExp(re.source, "g"))].find((h) => !DENIED_BEFORE.test(folded.slice(0, h.index)))
      if (hit !== undefined) here.push({ kind, at: hit.index, end: hit.index + hit[0].length })
    }
    // In the order the mail asks them: "please collect it and send the right one" is a collection, then a replacement;
    // "rembourser ou de les livrer" a refund, or else the goods delivered.
    here.sort((a, b) => a.at - b.at)
    here.forEach(({ kind, at }, i) => {
      const choice = i > 0 && OR_BETWEEN.test(folded.slice(here[i - 1]!.end, at))
      asks.push(choice ? { kind, words: quoted(clause), choice } : { kind, words: quoted(clause) })
    })
  }
  const text = `${mail.subject}\n${body}`
  return { about: about === null ? null : quoted(about), invoices: refs(text, INVOICE_REF), orders: refs(text, ORDER_REF), asks }
}

/** The top message's own text: what the customer wrote now, not the history it quotes nor the signature under it. */
function ownWords(mail: { subject: string; text: string; htmlText: string }): string {
  const segments = splitMail(chooseBody({ from: { address: "", name: "" }, to: [], subject: mail.subject, date: null, text: mail.text, htmlText: mail.htmlText, attachments: [] }), {
    from: null,
    date: null,
    subject: mail.subject
  })
  return segments.find((s) => s.body.trim() !== "")?.body ?? ""
}

function refs(text: string, re: RegExp): string[] {
  const found: string[] = []
  for (const m of text.matchAll(re)) {
    const ref = m[1]!
    // A date ("facture du 12/11") or a count ("order 12 chairs") is no number of a document.
    if (DATE_LIKE.test(ref) || (/^\d+$/.test(ref) && ref.length < 5) || ref.length < 3) continue
    if (!found.some((f) => f.toUpperCase() === ref.toUpperCase())) found.push(ref)
  }
  return found.slice(0, 3)
}

/** A clause short enough to read in the panel: cut at a word, marked as cut. */
function quoted(clause: string): string {
  if (clause.length <= 140) return clause
  const cut = clause.slice(0, 140)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 100))}…`
}
