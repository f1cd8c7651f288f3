import { addDays } from "date-fns"

import { foldText } from "../search/fold-text"

import { DAY_WORDS, findDates, foldKeepSlash, MONTH_WORDS, type FoundDate } from "./dates"

/**
 * Which of a mail's dates is the day the goods are wanted (dates.ts finds the dates as written): words of delivering
 * around it, a deadline, a day ruled out, the eve of an event, and the dates that are about something else.
 */

/** A delivery is meant: the words around a date that make it the date to deliver. */
export const DELIVERY_CONTEXT = /\b(?:livr\w*|consegna|entro|lieferung|until|till|jusqu a|jusqu au|per (?:monday|tuesday|wednesday|thursday|friday|saturday|\d)|latest|(?:have|get|avoir|recevoir) (?:it|them|the order|the goods|la|les|le tout)|delai|deliver\w*|ship\w*|dispatch\w*|expedi\w*|reception|need(?:ed|s)?|required?|requis|souhaite\w*|besoin|pour (?:le|la|ce|lundi|mardi|mercredi|jeudi|vendredi|samedi|demain|apres)|for (?:monday|tuesday|wednesday|thursday|friday|saturday|tomorrow|next)|(?:for|pour|by|avant) (?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|lun|mar|mer|jeu|ven|sam) \d+|avant|by|no later|au plus tard|d ici|sous|within|arriv\w*|recevoir|receive|due|attendu|expected|before)\b/
/** A span of days rather than a day ("next week", "fin du mois", "semaine 46"), or a feast a day is planned around. */
const VAGUE_WORDS = /\b(?:week|semaine|sem|wk|mois|month)\b|^(?:thanksgiving|christmas|xmas|noel|new year|nouvel an|toussaint)/
/** "Wednesday week", "a week on Thursday", "jeudi en huit", "a week tomorrow": one day, counted a week on (not a span). */
const WEEKDAY_A_WEEK_ON = new RegExp(`^(?:(?:${DAY_WORDS}|tomorrow|today|demain|aujourd hui) (?:week|fortnight|en huit|en quinze)|(?:a |one )?(?:week|fortnight) (?:(?:on|from) (?:this |next )?(?:${DAY_WORDS})|tomorrow|today))$`)
const VAGUE = { test: (text: string): boolean => VAGUE_WORDS.test(text) && !WEEKDAY_A_WEEK_ON.test(text) }
/** A span said by its end ("d'ici la fin de la semaine", "by the end of the month"): its last day is a deadline. */
const END_OF_SPAN = /^(?:(?:a la |en )?fin (?:de (?:la )?semaine|du mois|de mois|de ce mois)|(?:at the )?end of (?:the |this |next )?(?:week|month))/
/**
 * A day said after a deadline at the end of a span and falling past it ("d'ici la fin de la semaine (on tient la
 * braderie samedi)", "by the end of the week, the fair is on Saturday") names something else than the delivery: the
 * goods are wanted by the deadline. A day inside it still says which ("fin de la semaine, jeudi si possible").
 */
function pastTheDeadline(found: readonly FoundDate[], d: FoundDate): boolean {
  return found.some((e) => e.index < d.index && END_OF_SPAN.test(e.text) && d.date.getTime() > e.date.getTime())
}
const GIVEN_UP = /\b(?:instead of|rather than|au lieu d[eu]|plut[ôo]t que)\s+(?:the\s+|le\s+|la\s+)?[\p{L}\d]+(?:\s+\d{1,2}(?:st|nd|rd|th|er)?\b)?(?:\s+[\p{L}]+(?=\s*[.,;!?)]|$))?/giu
const PAST_DAY = /\b(?:(?:ever )?since|depuis|last|sent|placed|raised|submitted|envoy[ée]e?s?|pass[ée]e?s?|transmise?s?)\s+(?:on\s+|le\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b|\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) dernier\b(?!\s+d[ée]lai)|\b(?:(?:ever )?since|depuis)\s+(?:(?:le|the)\s+)?\d{1,2}(?:er|st|nd|rd|th)?\s+(?:of\s+)?\p{L}+|\b(?:(?:ever )?since|depuis)\s+(?:(?:le|the)\s+)?\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?/giu
/**
 * Someone away until a day ("Harry is on holiday until Monday", "en congé jusqu'au 7", "closed till Monday"): the day
 * they are back, no delivery day ("ferme le vendredi 18 au soir" is the evening of the 18th, no "until").
 */
const AWAY_UNTIL = /\b(?:on (?:holiday|holidays|leave|vacation)|off (?:sick|work)|away|absent|absente|out of (?:the )?office|en (?:vacances|cong[ée]s?|arr[êe]t)|ferm[ée]e?s?|closed)\b[^.;!?]{0,40}?\b(?:until|till|to|jusqu['’]?(?:au|[àa])|au)\s+(?!(?:soir|matin|midi|plus tard|plus t[ôo]t)\b)(?:(?:le|the)\s+)?[\p{L}\d]+(?:\s+\d{1,2}(?:er|st|nd|rd|th)?\b)?/giu
/**
 * A second choice after the first ("today if you can, otherwise first thing Monday", "demain, sinon lundi") and a
 * closure ("we close from 23 December to 4 January", "nous sommes fermés du 24 au 2"): neither is the day wanted
 * ("before the office closes on Friday 18th" is: a deadline; so is a closing day in brackets after "avant …": "livrer
 * avant les vacances (l'école ferme le vendredi 18 au soir)"). A closure's words end at a colon ("L'école est fermée
 * pendant les vacances : merci de livrer au plus tard le 18").
 */
const FALLBACK = /\b(?:otherwise|failing that|or else|if not|sinon|a defaut|à défaut)\b[^.;!?]*/giu
const CLOSURE = /(?<!\b(?:before|until|till|by|avant|avant que|avant qu|jusqu a ce que)\s+)(?<!\b(?:before|avant)\s[^.;!?()\n]{0,40}\(\s*)\b(?:we|nous|on|(?:the|our|le|la|l['’]|notre) ?(?:shop|office|practice|clinic|store|site|school|college|academy|magasin|cabinet|bureau|boutique|salon|atelier|[ée]cole|[ée]tablissement|coll[èe]ge|lyc[ée]e|mairie|usine|entreprise))(?: |['’](?=(?:re|s|ll) ))(?:(?:is |are |re |s |will be |ll be )?(?:closed|shut)|close|closes|will close|break up|breaks up|fermons|fermerons|(?:est |sont |sommes |serons |sera |seront )?ferm[ée]e?s?|fermera)(?![\p{L}])(?:[^.;:!?,]|,(?! (?:so|donc|alors|please|merci|mais|but)\b))*/giu
/**
 * The day the goods go further on from where they are delivered, a place named after it: "our consolidator ships to Tokyo
 * on Thursday", « le départ pour N'Djamena étant le jeudi », "the boat sails for Nouméa on Friday": not the day they are
 * wanted (that one is said beside it, "must reach them by Wednesday", « avant le mercredi »).
 */
const ONWARD = new RegExp(`\\b(?:ships?|sails?|leaves?|departs?|flies(?: out)?|part(?:ira|ent)?|d[ée]part)\\s+(?:out\\s+)?(?:to|for|pour|vers|[àa] destination d[eu])\\s+\\p{Lu}[\\p{L}'’-]*(?:\\s\\p{Lu}[\\p{L}'’-]*)*\\s+(?:[ée]tant\\s+|est\\s+|is\\s+)?(?:on\\s+|le\\s+|this\\s+|next\\s+|ce\\s+)?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b`, "giu")
const NOT_DELIVERY = /\b(?:facture|invoice|paiement|payment|echeance|reglement|devis du|quote of|date de commande|order date|commande du|ordered on|acknowledge\w*|accuse\w* (?:de )?reception)\b/
/**
 * The day an earlier order was placed, named with it ("en complément de notre commande BC-2026-0587 du 1er décembre",
 * "our PO 4471 of 30 November"): the order's date, not the day the goods are wanted.
 */
// So is the day of a quote, an offer, an invoice, a mail or a call the order refers to ("suite à votre devis du 25/11",
// "selon votre offre du 20 novembre", "as per our quote of 25/11", "as quoted on 25 November", "your quotation dated …").
const ORDER_OF_DAY = /(?:\b(?:commande|bon de commande|order|po|purchase order|devis|offre|proposition|pro ?forma|facture|quot(?:e|ation)|offer|proposal|estimate|invoice|mail|e-?mail|courriel|message|call|appel|[ée]change|conversation)(?:\s+(?:n[°o]\.?\s*)?[A-Z0-9][\w/-]*\d[\w/-]*)?\s+(?:du|of|dated|dat[ée]e? du|en date du|from|sent on|received on|re[çc]ue? le|envoy[ée]e? le|placed on|pass[ée]e le)\s+|\b(?:as )?quoted (?:on|of)\s+)(?:(?:le|the)\s+)?(?:\p{L}+\s+)?\d{1,2}(?:er|st|nd|rd|th)?(?:[/.]\d{1,2}(?:[/.]\d{2,4})?|\s+\p{L}+(?:\s+\d{4})?)/giu

// ("Sometime next week is fine", « dans le courant de la semaine prochaine », "at some point next week": the week, no day in it;
// "No rush, sometime before Christmas is fine", « pas pressé, avant Noël ça ira »: a feast said soon enough is no day either.)
const NO_RUSH = /\b(?:no (?:rush|hurry)|not urgent|whenever|any (?:day|time)|anytime|some ?time (?=next week|the week after|in the week|during)|at some point|(?:dans le |au )?courant (?:de )?(?:la )?semaine|n importe quand|n importe quel jour|peu importe le jour|pas (?:presse|d urgence|urgent)|rien ne presse|aucune urgence|quand vous (?:pouvez|voulez))\b/
const SPAN = new RegExp(`\\b(?:(?:the )?week after next|next week|(?:la )?semaine (?:prochaine|d apr[eè]s)|(?:mid|early|late|end of|beginning of|mi|d[ée]but|fin)[- ](?:${MONTH_WORDS})|(?:(?:some ?time|any ?time|whenever|at some point|n'importe quand)\\s+)?(?:before|by|avant|pour)\\s+(?:christmas|xmas|no[eë]l|new year|nouvel an|les f[êe]tes|the holidays))(?![\\p{L}])`, "giu")

/**
 * "Delivery: is Friday 4 December OK? : NO - MONDAY 7TH PLEASE": our question answered no on its line; the day asked
 * is the answer's, the one we proposed is given up.
 */
function declined(text: string): string {
  const m = /^(.*\?)\s*:\s*((?:no|non|nope|not really|pas possible)\b.*)$/i.exec(text)
  if (m === null) return text
  return `${DELIVERY_CONTEXT.test(foldText(m[1]!)) ? "Delivery: " : ""}${m[2]}`
}

/** Days a place is open ("du lundi au jeudi, 8h - 12h", "Mon-Fri 7am-3pm"): no day the goods are wanted. */
const WEEKDAY = "(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lun|mar|mer|jeu|ven|sam|dim|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
const WEEKDAY_RANGE = new RegExp(`\\b${WEEKDAY}\\.?\\s*(?:au|à|a|to|till|until|through|thru|-|–)\\s*${WEEKDAY}\\b\\.?`, "gi")
/** A day ruled out ("jamais le vendredi", "no deliveries on Fridays", "sauf le lundi"): no day the goods are wanted. */
const WEEKDAY_EXCLUDED = new RegExp(`\\b(?:jamais|sauf|except|never|not|no(?: deliveries)?)\\s+(?:(?:le|les|on|the|a|an)\\s+)?${WEEKDAY}s?\\b`, "gi")

/**
 * An opening or an event the date belongs to ("ouverture le 1er décembre", "we open on the 3rd", "they don't open to
 * patients until the 7th", "n'ouvre qu'au 7", "pour le réveillon du 31 …, il me faut le 29", "the party on the 18th",
 * "avant le vernissage du jeudi 17, donc au plus tard le mercredi 16"):
 * no delivery day, unless no other is said. It ends where a consequence begins: "on ouvre à 12h donc livraison le
 * matin, mardi ou mercredi" hands the goods over on the Tuesday.
 */
const OPENING = /\b(?:ouverture|inauguration|nous ouvrons|on ouvre|(?:we|shop|store|site|office|bureau|magasin|boutique|agence|cabinet|ecole|école|restaurant) (?:opens?|will open|ouvre|ouvrira)|opening|(?:don['’]?t|do not|doesn['’]?t|does not|won['’]?t|will not) open|n['’]ouvr\w* (?:pas|qu)|(?:r[ée]veillon|f[êe]te|soir[ée]e|repas|concert|mariage|gala|kermesse|vernissage|spectacle|wedding|party|dinner|gig|private view) (?:du|of|on)(?: (?:the|le))?(?: (?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday))? \d{1,2}(?:er|st|nd|rd|th)?(?!\s*(?:\/|\.|-)\s*\d))\b(?:(?!\b(?:donc|alors|du coup|so|then|therefore)\b)[^,.;:)])*/gi
const OPENS = new RegExp(OPENING.source, "i")

/** A delivery day's label on its line: "Deliver by:", "Requested delivery date:", "Livraison souhaitée (par le client) :". */
// ("Required by:", "Wanted by:", "Livrer le :", « À livrer pour le : »: a purchase order's header names the day wanted so
// too, beside its own "Date:"; the label wins over the bare date, walk 11.)
const LABELLED_DELIVERY = /^\s*(?:deliver(?:y)? (?:by|on)|(?:requested |required |wanted )?delivery (?:date|day)|requested delivery|(?:need|needed|required|wanted) (?:by|on)|livraison (?:souhaitee|demandee|prevue)(?: par [a-z ]{2,30})?|date de livraison(?: souhaitee| demandee| requise| prevue)?|(?:a )?livrer (?:le|pour le|avant le)|requis(?:e)? (?:pour )?le)\s*$/
/**
 * A form's fields side by side on one line ("Order Date: 30/11/2026     Delivery Date: 08/12/2026", a PDF's text with
 * the gap gone: "Order Date: 30/11/2026 Delivery Date: 08/12/2026", "Date de commande : 30/11 Livraison souhaitée :
 * 08/12"): each its own line, so the order's day does not take the delivery's with it. A field opens the line; the next
 * follows a wide gap or a figure.
 */
const FIELD_FIRST = /^[\p{L}][\p{L}.'’ #°-]{1,30}?[ \t]?:/u
// ("Date: 2 December 2026 | Required by: 11 December 2026", "Date : 02/12 ; Livrer le : 09/12": a bar or a semicolon
// between fields parts them too.)
const NEXT_FIELD = /(?:[ \t]{2,}|\t|(?<=\d)[ \t]|[ \t]*[|;][ \t]*)(?=\p{Lu}[\p{L}.'’#°-]*(?: [\p{L}.'’#°-]+){0,3}[ \t]?:)/u
function fieldsApart(given: readonly { text: string; ref: Date }[]): { text: string; ref: Date }[] {
  return given.flatMap((l) => {
    const text = l.text.trim()
    return FIELD_FIRST.test(text) && NEXT_FIELD.test(text) ? text.split(new RegExp(NEXT_FIELD.source, "gu")).map((t) => ({ text: t, ref: l.ref })) : [l]
  })
}

export function deliveryDateOf(given0: readonly { text: string; ref: Date }[], opts: { monthFirst?: boolean } = {}): { date: Date; evidence: string; relative: boolean } | null {
  const given = fieldsApart(given0)
  if (!given.some((l) => OPENS.test(l.text))) return deliveryDayOf(given, opts)
  return deliveryDayOf(given.map((l) => ({ ...l, text: l.text.replace(OPENING, " ") })), opts) ?? deliveryDayOf(given, opts)
}

/**
 * Words handing the goods over, the day after them ("livrer le mercredi 9", "livraison vendredi avant 14h", "delivered
 * 12/17", "je passe les prendre vendredi", "drop them at the clubhouse Thursday", "delivery on Wednesday 9th"), or a deadline's words after the day
 * ("by Friday 4th at the latest", "vendredi 11 au plus tard", "Thursday 10th would be perfect").
 */
// ("Delivery Thursday 10th", "delivery 10 December", "Delivery: 10/12": the noun right before its day; "could we have it on
// Monday 30th", "get them here by Friday": the goods had.)
/**
 * "Pour le goûter de dimanche il nous faudrait pour mercredi", "we'd need them by Wednesday for the open day on Saturday":
 * a need said for a day hands the goods over that day, whatever day the event they are for is named with (folded text).
 */
const NEEDED_FOR_DAY = String.raw`\b(?:il (?:nous |me )?(?:faut|faudrait|faudra)|(?:we|i)(?: would| ll| d| will)? need(?: (?:it|them|these|this|everything|the lot|the goods))?) (?:pour|for|by|avant|before) (?=(?:le |the |this |next |ce |on )?(?:${DAY_WORDS}|demain|tomorrow|\d))`
const HANDED_OVER = new RegExp(`${String.raw`\b(?:livr(?:er|ez|e|ee|es|ees)|livraison|deliver(?:ed)?|delivery (?:on|by|for)|delivery:? (?=\d|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|tomorrow\b|next\b|this\b)|drop (?:them|it|these|this|everything|the lot)?(?: off)?|(?:passe|passerai|passerons|passera|passons|viens|viendrai) (?:les |le |la |l |tout )?(?:prendre|chercher|recuperer)|pick (?:them |it |these |everything |the order )?up|(?:have|get|receive) (?:it|them|these|everything|the order|the goods|the lot)(?: (?:delivered|here|with us|on site))?|collect (?:them|it|these|the order))\b`}|${NEEDED_FOR_DAY}`)
// "Thursday 10th would be perfect", "Wednesday 9th would suit us", "mardi 8 ce serait idéal", "le jeudi 3 nous conviendrait":
// the day said to suit, as a deadline's.
// So is a day asked for "if at all possible", "si possible" ("Wednesday 9th if at all possible, we have a consultation
// starting on the 10th": the 9th, the 10th is the consultation's).
const DEADLINE_AFTER = /\b(?:au plus tard|at the latest|dernier delai|sans faute|if (?:at all |humanly )?possible|if poss|if you can|si (?:c est |cela est |c etait )?possible|si vous (?:le )?pouvez|would be (?:perfect|ideal|great|lovely|brilliant)|would suit(?: us| me)?|(?:ce serait|serait|c est) (?:parfait|ideal|top|super)|(?:nous |me )?(?:irait|conviendrait) (?:bien|parfaitement)|(?:nous|me) (?:irait|conviendrait))\b/

const DEADLINE_BEFORE = /\b(?:au plus tard|at the latest|no later than|not later than|pas plus tard que|dernier delai)\b/

/**
 * "…(invoice to accounts), delivery 10 December": a clause about the bill in a sentence that hands the goods over in
 * another; the other clauses are read (blanked to the same length, so indices hold) when one hands the goods over.
 */
function withoutOtherMatters(part: string): string {
  if (!NOT_DELIVERY.test(foldText(part))) return part
  const clauses = part.split(/(?<=[,;()–])/)
  if (!clauses.some((c) => !NOT_DELIVERY.test(foldText(c)) && HANDED_OVER.test(foldKeepSlash(c)))) return part
  return clauses.map((c) => (NOT_DELIVERY.test(foldText(c)) ? " ".repeat(c.length) : c)).join("")
}

/** The day a sentence hands the goods over on, when it says so in words of handing over (see HANDED_OVER). */
function handedOverOn(whole: string, ref: Date, opts: { monthFirst?: boolean }): FoundDate | null {
  const part = withoutOtherMatters(whole)
  const t = foldKeepSlash(part)
  // Words first, dates after: most lines hand nothing over, and reading dates is the dearer step.
  const verb = HANDED_OVER.exec(t)
  const deadline = DEADLINE_AFTER.exec(t)
  if ((verb === null && deadline === null && !DEADLINE_BEFORE.test(t)) || NOT_DELIVERY.test(t)) return null
  const all = findDates(part, ref, opts)
  const found = all.filter((d) => !VAGUE.test(d.text) && !pastTheDeadline(all, d))
  if (found.length === 0) return null
  if (verb !== null) {
    const after = found.find((d) => d.index >= verb.index + verb[0].length)
    if (after !== undefined) return after
  }
  // "au plus tard le vendredi 11 décembre", "no later than Wednesday 9th": a deadline's words right before the day name
  // it ("L'hélico monte le lundi 14, il faut que tout soit au dépôt au plus tard le vendredi 11": the 11th).
  const ahead = DEADLINE_BEFORE.exec(t)
  if (ahead !== null) {
    const next = found.find((d) => d.index >= ahead.index + ahead[0].length && new RegExp(`^ (?:(?:le|the|on|by|pour|for) )?(?:(?:${DAY_WORDS}) )?(?:the )?$`).test(t.slice(ahead.index + ahead[0].length, d.index)))
    if (next !== undefined) return next
  }
  if (deadline !== null) {
    const before = found.filter((d) => d.index < deadline.index).at(-1)
    if (before !== undefined) return before
  }
  return null
}

/**
 * "Could you deliver the following the day before" (the tournament "on Saturday 12th" said above), "Livraison la veille du
 * tournoi au plus tard", "l'avant-veille": the day (or two) before the event's day, named after these words in their
 * sentence or else last before them. "La veille de Noël", "Christmas Eve" are days of their own (FEASTS).
 */
const DAY_BEFORE = /\b(?:(?:the )?(?:day|evening|night) before|la veille|(?:l )?avant veille|(?:two|2) days before|deux jours avant)\b(?! (?:de |d |du |of )?(?:noel|christmas|xmas|nouvel an|jour de l an|new year|la saint|toussaint|thanksgiving)\b)/

/** "Il nous faut … la veille", "we need them the day before": wanted, as a delivery's words say. */
const NEEDED = /\b(?:il (?:nous |me )?(?:faut|faudrait|faudra)|(?:we|i) (?:need|want|would need|ll need))\b/
/** An event a day before which the goods are wanted, named after the words ("The fair opens on Saturday 12th."). */
const EVENT = /\b(?:fair|gala|event|launch|show|exhibition|conference|party|concert|match|opening|opens|open day|premiere|foire|fete|lancement|spectacle|soiree|congres|tournoi|exam\w*|ouvre|ouverture|inauguration|salon|vernissage|seminar|seminaire)\b/

/**
 * "plaque du véhicule à communiquer la veille", "merci de nous appeler la veille", "text us the driver's plate the day
 * before": a call or a word the day before the delivery, not the delivery the day before the event.
 */
const CONTACTED = /\b(?:communiqu\w*|appel(?:er|ez|le)|pr[e]ven(?:ir|ez)|telephon\w*|confirm\w*|transmett\w*|call|phone|ring|text|e ?mail|let (?:us|me) know|notify|tell)\b[^.;!?]{0,50}$/

function dayBeforeEvent(lines: readonly { text: string; ref: Date }[], opts: { monthFirst?: boolean }): { date: Date; evidence: string; relative: boolean } | null {
  const at = lines.findIndex((l) => DAY_BEFORE.test(foldText(l.text)))
  if (at < 0) return null
  const { text, ref } = lines[at]!
  const parts = text.split(/(?<=[.!?])\s+/)
  for (const [i, part] of parts.entries()) {
    const folded = foldKeepSlash(part)
    const words = DAY_BEFORE.exec(folded)
    if (words === null || !(DELIVERY_CONTEXT.test(folded) || NEEDED.test(folded)) || NOT_DELIVERY.test(folded) || CONTACTED.test(folded.slice(0, words.index))) continue
    const back = /avant veille|two|2|deux/.test(words[0]) ? 2 : 1
    // The event's day after the words ("the day before the match on Saturday 12th"), else the last said before their sentence.
    const within = findDates(part, ref, opts).filter((d) => !VAGUE.test(d.text))
    // "mercredi 9 (la veille de l'ouverture)": a day said before the words in their sentence is the day, they explain it.
    if (within.some((d) => d.index < words.index)) return null
    // "la veille, jeudi 10 au matin", "the day before (Friday 11th)": a day set right beside the words, with nothing but a
    // comma, a dash or a bracket between, is the eve itself, named.
    // ("the day before Saturday 12th" is the Friday: the day after the words with no mark between is the event's).
    const apposed = /(?:(?:day|evening|night) before|veille)\s*[,(–—-]/i.test(part)
    const named = apposed ? within.find((d) => d.index > words.index && /^\s*$/.test(folded.slice(words.index + words[0].length, d.index))) : undefined
    if (named !== undefined) return { date: named.date, evidence: text.trim(), relative: named.relative }
    let anchor = within.find((d) => d.index > words.index)?.date ?? null
    if (anchor === null) {
      // "Livraison le mardi 8 … Transmettre la veille l'identité du chauffeur": the eve of a day the goods are handed over
      // on is for something else; that day stays the delivery's.
      let handed = false
      for (const l of [...lines.slice(0, at), { text: parts.slice(0, i).join(" "), ref }]) {
        for (const sentence of l.text.split(/(?<=[.!?])\s+/)) {
          for (const d of findDates(sentence, l.ref, opts)) {
            if (VAGUE.test(d.text)) continue
            anchor = d.date
            handed = HANDED_OVER.test(foldKeepSlash(sentence))
          }
        }
      }
      if (handed) return null
    }
    // "we need them the day before. The fair opens on Saturday 12th.": the event and its day said after, in the next
    // sentence or line.
    if (anchor === null) {
      for (const sentence of [...parts.slice(i + 1), ...lines.slice(at + 1, at + 3).map((l) => l.text)]) {
        const day = EVENT.test(foldText(sentence)) ? findDates(sentence, ref, opts).find((d) => !VAGUE.test(d.text)) : undefined
        if (day !== undefined) {
          anchor = day.date
          break
        }
      }
    }
    if (anchor !== null) return { date: addDays(anchor, -back), evidence: text.trim(), relative: true }
  }
  return null
}

function deliveryDayOf(given: readonly { text: string; ref: Date }[], opts: { monthFirst?: boolean }): { date: Date; evidence: string; relative: boolean } | null {
  // "Monday 30th instead of Thursday 26th", "lundi au lieu de jeudi": the day given up is not the one wanted.
  // "stuck in my drafts since Friday", "depuis vendredi", "vendredi dernier": a day gone by.
  // "No rush, the week after next is fine", "mid-December is fine, no hurry": a span said to be soon enough is no day.
  const lines = given.map((l) => ({ ...l, text: declined(l.text).replace(WEEKDAY_RANGE, " ").replace(WEEKDAY_EXCLUDED, " ").replace(GIVEN_UP, " ").replace(PAST_DAY, " ").replace(AWAY_UNTIL, " ").replace(FALLBACK, " ").replace(CLOSURE, " ").replace(ORDER_OF_DAY, " ").replace(ONWARD, " ") })).map((l) => (NO_RUSH.test(foldText(l.text)) ? { ...l, text: l.text.replace(SPAN, " ") } : l))
  // A line a system or a form labels with the day the goods are wanted ("Deliver by: Monday, December 7", "Livraison
  // souhaitée par l'acheteur : mardi 8 décembre"): before a deadline to accept or ship the order said above it.
  for (const { text, ref } of lines) {
    if (!text.includes(":") || !LABELLED_DELIVERY.test(foldText(text.slice(0, text.indexOf(":"))))) continue
    const found = findDates(text.slice(text.indexOf(":") + 1), ref, opts)
    if (found[0] !== undefined) return { date: found[0].date, evidence: text.trim(), relative: found[0].relative }
  }
  // A CSV's or a sheet's label cell then the day in the next ("Date de livraison;08/12/2026;;", "Delivery Date,12/08/2026",
  // "Required Date<tab>07/12/2026"): the same label, in a cell of its own.
  for (const { text, ref } of lines) {
    const cells = text.split(/\s*[;\t|]\s*|,(?=\S)/)
    if (cells.length < 2 || !LABELLED_DELIVERY.test(foldText(cells[0]!))) continue
    const found = findDates(cells.slice(1).find((c) => c.trim() !== "") ?? "", ref, opts)
    if (found[0] !== undefined) return { date: found[0].date, evidence: text.trim(), relative: found[0].relative }
  }
  const before = dayBeforeEvent(lines, opts)
  if (before !== null) return before
  // A sentence that hands the goods over on a day ("il faudrait que ce soit livré le vendredi 11", "je passe les
  // prendre vendredi", "can you drop them Thursday", "by Saturday at the latest"): that day, before any day named for
  // the event the goods are for ("Comme le plateau est le dimanche 13", "We rehearse on Wednesday evenings").
  for (const { text, ref } of lines) {
    for (const part of text.split(/(?<=[.!?])\s+/)) {
      const handed = handedOverOn(part, ref, opts)
      if (handed !== null) return { date: handed.date, evidence: text.trim(), relative: handed.relative }
    }
  }
  // Sentence by sentence first: "Nous ouvrons le 1er décembre. Pouvez-vous y livrer le lundi 30 novembre ?" is
  // the 30th; then a whole line about delivery.
  for (const sentences of [true, false]) {
    for (const { text, ref } of lines) {
      const folded = foldText(text)
      if (!DELIVERY_CONTEXT.test(folded) || (!sentences && NOT_DELIVERY.test(folded))) continue
      // "By Friday 11th if you can. Invoice to the usual place.": the invoice's sentence does not take the day's.
      const parts = sentences ? text.split(/(?<=[.!?])\s+(?=\p{Lu})/u).filter((x) => DELIVERY_CONTEXT.test(foldText(x)) && !NOT_DELIVERY.test(foldText(x))) : [text]
      for (const part of parts) {
        const found = findDates(part, ref, opts)
        // "next week's run - Tuesday 8th would be ideal": a day named says more than the week or month around it.
        const best = VAGUE.test(found[0]?.text ?? "") ? (found.find((d) => !VAGUE.test(d.text) && !pastTheDeadline(found, d)) ?? found[0]) : found[0]
        if (best !== undefined) return { date: best.date, evidence: text.trim(), relative: best.relative }
      }
    }
  }
  // A purchase order's table with a delivery date column ("Date livraison", "Due date", "Required by").
  let column = -1
  for (const { text, ref } of lines) {
    const cells = text.includes("|") ? text.split("|").map((c) => foldText(c)) : null
    if (cells === null || cells.length < 3) {
      column = -1
      continue
    }
    const head = cells.findIndex((c) => (/\b(?:date|due|required|requise?|souhaitee?)\b/.test(c) && DELIVERY_CONTEXT.test(c)) || /^(?:need(?:ed)? by|required by|deliver(?:y)? by|ship by|a livrer le|livrer le|livraison)$/.test(c.trim()))
    if (head >= 0 && !cells.some((c) => /\d/.test(c))) {
      column = head
      continue
    }
    const found = column >= 0 ? findDates(text.split("|")[column] ?? "", ref, opts) : []
    if (found.length > 0) return { date: found[0]!.date, evidence: text.trim(), relative: found[0]!.relative }
  }
  // "Can you send … tomorrow please?": in an order, a day said relative to today is when it is wanted.
  for (const { text, ref } of lines) {
    if (NOT_DELIVERY.test(foldText(text))) continue
    const all = findDates(text, ref, opts)
    const found = all.filter((d) => d.relative)
    const best = VAGUE.test(found[0]?.text ?? "") ? (all.find((d) => !VAGUE.test(d.text) && d.index > found[0]!.index && !pastTheDeadline(all, d)) ?? found[0]) : found[0]
    if (best !== undefined) return { date: best.date, evidence: text.trim(), relative: best.relative }
  }
  // "… and 2 cans of cleaner. Monday 7th please, Goods In as usual.": a short sentence that opens on a day and asks for it.
  for (const { text, ref } of lines) {
    for (const part of text.split(/(?<=[.!?])\s+/)) {
      if (part.length > 60 || !/\b(?:please|pls|plz|svp|stp)\b/i.test(part) || NOT_DELIVERY.test(foldText(part))) continue
      const found = findDates(part, ref, opts).filter((d) => d.index <= 4 && /[a-z]/.test(d.text) && d.date.getTime() > ref.getTime() && d.date.getTime() < addDays(ref, 61).getTime())
      if (found.length > 0) return { date: found[0]!.date, evidence: text.trim(), relative: found[0]!.relative }
    }
  }
  // "Monday Dec 7th please.": a day written out in the order's own short line, to come within two months.
  for (const { text, ref } of lines) {
    if (NOT_DELIVERY.test(foldText(text)) || text.length > 80 || text.includes("|")) continue
    // "Le jeudi 10/12 entre 8h et 12h.": figures after the weekday that opens the line are a day too.
    const folded = foldKeepSlash(text).trimStart()
    const found = findDates(text, ref, opts).filter((d) => d.date.getTime() > ref.getTime() && d.date.getTime() < addDays(ref, 61).getTime() && (/[a-z]/.test(d.text) || new RegExp(`^(?:le |the |on )?(?:${DAY_WORDS}) $`).test(folded.slice(0, d.index - (foldKeepSlash(text).length - folded.length)))))
    if (found.length > 0) return { date: found[0]!.date, evidence: text.trim(), relative: false }
  }
  return null
}
