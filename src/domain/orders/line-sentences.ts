import { STREET } from "./address-shapes"
/** Which sentences of a line hold no goods asked for now, and where sentences end (lines.ts reads the others). */

/**
 * A signature's or an address's line: a phone number (French, British, North American "709-555-0172") or a British,
 * Irish or Canadian postcode ("A1C 1B7").
 */
export const PHONE_OR_POSTCODE = /\b0\d{2,4} \d{3} \d{3,4}\b|\b0\d(?:[ .]\d{2}){4}\b|\+\d{2,3}(?:[ .]\d{1,4}){3,5}\b|\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b|\b(?:[AC-FHKNPRTV-Y]\d{2}|D6W) (?=[0-9AC-FHKNPRTV-Y]{0,3}[AC-FHKNPRTV-Y])[0-9AC-FHKNPRTV-Y]{4}\b|\b[A-Z]\d[A-Z] \d[A-Z]\d\b|(?:\b|\()\d{3}\)?[-. ]\d{3}-\d{4}\b/
/** A line about something else than ordering it now (goods the buyer found on hand, "so ignore those", a time zone's hours, among them). */
export const NOT_A_LINE = /\b(?:re[çc]u(?:e|s|es)?|received|command[ée]e?s\b|ordered (?:on|last|yesterday|monday|tuesday|wednesday|thursday|friday|in)|charged|billed|factur[ée]e?s\b|(?:a|ont) laiss|(?:driver|courier|carrier|van|lorry|truck|you|they|he|she|livreur|chauffeur|transporteur) (?:has |have |had |just |nous |a |ont )*(?:dropped|d[ée]pos[ée]s?)\b|left (?:at|outside|by|in front|with)|usually|habituellement|typically|normally|en g[ée]n[ée]ral|(?:bien |sont |est )arriv[ée]e?s?|arrived|turned up|came (?:in|today|this morning)|you sent|you delivered|vous (?:nous |m['’])?avez (?:envoy|livr|exp[ée]di)\w*|livr[ée]e?s\b(?!\s+(?:avant|pour|au plus tard|d['’]ici|sous|dès|des|demain|lundi|mardi|mercredi|jeudi|vendredi|samedi)\b)|delivered(?!\s+(?:by|before|no later|asap|tomorrow|next|this|on (?:monday|tuesday|wednesday|thursday|friday|saturday))\b)|(?:we|i) (?:found|still have|ve still got)|il (?:nous |en |m |me )?rest(?:e|ait) (?:encore |plus que |seulement |que )?(?:\d|une?\b)|(?:only |just )?\d+ (?:\w+ )?(?:left|remaining) (?:in|on|at)\b|(?:avons|ai|a) (?:re)?trouv[ée]|(?:so |then |donc )?(?:ignore|disregard|ne comptez pas) (?:those|these|them|that|ceux[- ]l[àa]|celles[- ]l[àa])|manqu|missing|damaged|ab[îi]m[ée]|cass[ée]|broken|retour(?:ner)?|return(?:ed|ing)?|avoir|credit note|rembours|refund|en stock|in stock|disponib|available|combien|how much|prix unitaire|unit price|remise|discount|(?<!\b(?:au|par|on the|over the|by|via) )t[ée]l[ée]phone|(?<!\b(?:au|par|on the|over the|by|via) |t[ée]l[ée])phone|fax|mobile(?=\s*(?:[:.+(\d]|phone|number|no\b|n°|$))|portable|siret|siren|tva|vat|iban|rcs|capital|adresse|address|deliver to|ship to|livrer [àa]|livraison [àa]u?|registered (?:office|in)|company (?:no|number)|cro|abn|\d+\s*(?:hours?|hrs?|h|heures?|days?|jours?)\s+(?:beforehand|before|in advance|ahead|notice|[àa] l['’]avance|auparavant|de pr[ée]avis)|\d+\s*(?:hours?|hrs?|h|heures?)\s+(?:de plus|de moins|d['’]avance|de d[ée]calage|behind)|time zone|fuseau horaire|d[ée]calage horaire|time difference|p\.? ?o\.? box|post office box|bo[iî]te postale|case postale)\b|\b\d{1,4},? (?:rue|avenue|boulevard|bd|chemin|all[ée]e|impasse|place|quai|road|street|lane)\b/i

/**
 * The words that send the goods somewhere, where a line goes on from its goods to their address: "à livrer sur le
 * chantier à …", "livré a la laverie …", "livraison au 12 rue …", "drop it at the clubhouse …", "deliver to …", "ship them to …";
 * a day may come between, as dictation puts it ("à livrer après demain matin au quai …", "delivered by friday to the …").
 */
// (the day in full as a letter writes it too: "Livraison le mardi 8 décembre à …", "livraison vendredi le 4 au …", "Livrer
// mercredi en huit au plus tard svp, au …", "for Friday 11th at the latest, to …", "d'ici au mardi 8.12 au plus tard, au …")
const MONTH_FR = String.raw`(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre)`
export const SENDING_DAY_FR = String.raw`(?:(?:le |(?:d['’]ici|jusqu['’]) ?(?:au |le )?)?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|(?:apr[èe]s[- ]?)?demain)(?: (?:matin|midi|soir|apr[èe]s[- ]midi))?(?: (?:le )?\d{1,2}(?:er)?(?: ${MONTH_FR}|[./]\d{1,2}(?:[./]\d{2,4})?)?)?(?: en (?:huit|quinze))?(?:,? (?:au plus tard|avant \d{1,2} ?h(?:\d{2})?|dernier d[ée]lai))?(?: (?:svp|stp|merci))?,? )?`
export const SENDING_DAY_EN = String.raw`(?:(?:(?:by|on|for|this|next|before) )?(?:(?:a |one )?(?:week|fortnight) (?:on |from )?)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|today)(?: (?:week|fortnight))?(?: (?:morning|afternoon|lunchtime))?(?: (?:the )?\d{1,2}(?:st|nd|rd|th))?(?:,? at the latest)?(?: (?:please|pls))?,? )?`
export const SENT_TO = new RegExp(
  String.raw`(?<=^|[\s,.;:–-])(?:(?:[àa] )?(?:livr(?:er|[ée]e?s?|ez|aison)|d[ée]pos(?:er|[ée]e?s?|ez)|apport(?:er|ez)) ${SENDING_DAY_FR}(?:sur|[àa]|au|aux|chez|en|par(?= l[ae] | l['’]))|(?:deliver(?:ed)?|ship(?:ped)?|send|sent|drop(?:ped)?(?: off)?|bring) (?:(?:it|them|everything|the lot|all) )?(?:off )?${SENDING_DAY_EN}(?:to|at|via|through))(?![\wÀ-ÿ])`,
  "i"
)

/**
 * Where the address starts in a line that asks for goods and says where they go, with the goods between the verb and the
 * place: « merci de livrer 10 ramettes papier A4 à l'accueil, 14 rue Haute, 59000 Lille », "can you send 10 reams of A4
 * to reception, 14 High Street, Leeds …", « SVP livrer 5 rouleaux … au 1200 rue Principale, … »: the last "à" / "au" /
 * "to" / "at" before a street said within a few words of it (its number first, or after it as Belgium writes it).
 */
const PLACE_WORD = /(?<![\p{L}'’])(?:[àa] la|[àa] l['’]|[àa]|au|aux|chez|to the|to|at the|at)(?:\s+|(?<=['’]))/giu
export function placeAfterGoods(raw: string): { index: number } | null {
  let at: { index: number } | null = null
  for (const p of raw.matchAll(PLACE_WORD)) {
    const rest = raw.slice(p.index + p[0].length)
    const street = STREET.exec(rest)
    if (p.index > 0 && street !== null && street.index <= 60 && !/[.;:!?\n\d]/.test(rest.slice(0, street.index))) at = { index: p.index }
  }
  return at
}

/**
 * The usual address said in passing inside the goods' sentence: « Pour lundi, à l'adresse habituelle, pourriez-vous nous
 * livrer 4 packs d'eau … », "send 6 packs of water to the usual address", said bare after the goods as a text is written ("2 rolls
 * of labels please, tomorrow, usual address", « …, adresse habituelle », "…, same address", "…, address as usual"): no address line,
 * the goods are read.
 */
export const USUAL_ADDRESS =
  /(?:\b(?:[àa]|chez|to|at)\s+)?(?:(?:l['’]\s*)?adresse (?:de livraison )?habituelle|(?:(?:notre|votre|la) |(?<![\p{L}]))m[êe]me adresse(?: que (?:d['’]habitude|la derni[èe]re fois|d['’]hab|d['’]ordinaire))?|(?:l['’]\s*)?adresse (?:de livraison )?(?:de|comme|que) d['’]hab(?:itude)?|(?<![\p{L}])(?:(?:the|our) )?(?:usual|normal|regular) (?:delivery )?(?:address|place|site)|(?<![\p{L}])(?:the )?same (?:delivery )?address(?: as (?:usual|always|before|last time))?|(?<![\p{L}])(?:delivery )?address as (?:usual|always|before|last time))/giu

/** A sentence of its own that opens on the address's label: "… svp. adresse : ESF Val Cenis, …", "… thanks. Address: …". */
export const ADDRESS_SENTENCE = /(?<=[.!?]\s+)(?:adresse|address|adresse de livraison|delivery address)\s*:/i

/** A sentence that leaves a product out: "Leave the chairs (item 3) for now", "Oubliez les masques". */
export const LEAVE_OUT = /^\s*(?:[-•*–]\s*)?(?:leave(?: out)?|drop|skip|forget(?: about)?|hold off(?: on)?|no need for|laissez(?: tomber)?|oubliez|retirez|enlevez|supprimez|pas besoin d)\b/i

/**
 * The sentences of a line of text: cut after ".", "!" or "?" that end a word of four letters or more ("June.") or a bracket and come
 * before a capital, so "Réf. GN-4410" and "env. 5" stay whole.
 */
export function sentencesOf(line: string): string[] {
  // A sentence starts with a capital, or with a quantity ("6 extension leads. 2 cans of washing-up liquid").
  // "And the tape also 36, not 24. Labels are ok": a number ends a sentence too before a capitalised word.
  // Written all in lower case ("pods asap?? also 3 packs of water pls"): a question or an exclamation ends a sentence
  // before any word, a full stop before a word and a quantity.
  return line.split(/(?<=(?:[\p{L}]{4}|\))[.!?])\s+(?=[\p{Lu}]|\d)|(?<=\d[.!?])\s+(?=\p{Lu}\p{Ll}{2,})|(?<=[\p{L}\d)][!?]+)\s+(?=\p{Ll})|(?<=[\p{L}]{4}\.)\s+(?=\p{Ll}+\s+\d)/u)
}

/**
 * The rest of an earlier order still owed ("le reliquat de notre commande de novembre (2 colis …) n'est toujours pas
 * arrivé", "the backorder from our last PO, 3 boxes"): its goods are that order's, chased, not asked for again, and its
 * number is that order's.
 */
export const EARLIER_REST =
  /\b(?:reliquats?|backorders?|back orders?|remainder|outstanding (?:items?|lines?))\s+(?:de|du|des|of|from|on)\s+(?:notre|nos|la|le|les|our|the|my|ma|mes|last|l)\s*(?:derniere\s+|precedente\s+|last\s+|previous\s+|earlier\s+)?(?:commandes?|orders?|po|bc|bons? de commande|delivery|livraisons?)\b/

/** A sentence telling what is left on a contract or a stock, for the supplier's records. */
export const REMAINDER =
  /\b(?:remaining (?:on|under|in|balance)|balance (?:remaining|left|on|under)|left (?:on|under) (?:the|our|this) (?:framework|contract|agreement|blanket order|order)|for your records|(?:il |qu il )?(?:nous )?reste(?:ra)? (?:sur|au|dans) (?:le|notre|l|ce) (?:contrat|marche|accord|bon)|solde (?:restant|du contrat|du marche))\b/

/** Goods taken off an order ("please take off the 10 reams", "retirez les 4 boîtes"), with nothing asked in their place. */
export const TAKEN_OFF = /\b(?:take off|take out|cross off|strike off|remove|delete|cancel|retirez|retirer|enlevez|enlever|supprimez|supprimer|otez|rayez|annulez|annuler)\b/
export const ASKED_INSTEAD = /\b(?:send|add|deliver|ship|instead|rather|replace\w*|make it|livr\w*|envo\w*|ajout\w*|rajout\w*|a la place|plutot|au lieu|remplac\w*|mettez)\b/
