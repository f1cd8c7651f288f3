import { foldText } from "../search/fold-text"
import type { FoundLine } from "./lines"

/**
 * What a mail that names products with quantities wants, by the kind of writing rather than by phrase: asking what
 * something costs or how long it takes, announcing an order to come with quantities not yet firm, telling the
 * supplier to update its records. Each of these names goods with numbers and is no order. Pure; folded text in.
 */

/**
 * Marks of quantities that are not firm yet: a forecast or a budget ("nous aurons probablement besoin d'environ 200
 * cartons", "roughly 50 rolls a month", "quantités exactes début janvier"). One is common enough in an order ("peut-être
 * le matin"); two say the mail is an estimate.
 */
const TENTATIVE =
  /\b(?:probablement|sans doute|peut etre|eventuellement|vraisemblablement|environ|approximativement|a peu pres|grosso modo|(?:une|d une) (?:dizaine|quinzaine|vingtaine|trentaine|cinquantaine|centaine)|probably|possibly|maybe|perhaps|likely|roughly|approximately|(?:around|about|circa|some) \d+|ballpark|give or take|in the region of|(?:quantites?|volumes?|besoins?) (?:exacte?s?|definitive?s?|precise?s?|fermes?)|(?:exact|final|firm|precise) (?:quantities|numbers|figures|volumes|order)|to be confirmed|tbc|a confirmer|sous reserve|prevision\w*|forecast\w*)\b/g

/**
 * A notice to update what the supplier keeps on file: new bank details, a warehouse moving, "please update your
 * records". It may give the usual quantities or an address to deliver to, and orders nothing. Moving goods is no such
 * notice: "we're moving the furniture out of the old floor", « nous déménageons le mobilier du 3e étage » (an object,
 * not the premises, then where from).
 */
const RECORDS_NOTICE =
  /\b(?:(?:please )?update (?:your|the) (?:records|files|details|system|database|address book)|(?:mettre|mettez|mettiez) a jour (?:vos|votre) (?:fichiers?|coordonnees|base|systeme|fiche|dossier)|(?:new|nouvelles?) (?:bank details|coordonnees bancaires)|nouveau rib|(?:goods in|goods inward|warehouse|depot|entrepot|reception) (?:moves|is moving|will move|demenage)|(?:nous demenageons|we are moving|we re moving)(?! (?:(?:the|our|all|some|all the|all our|le|la|les|nos|tout le|toute la|tous les) )?(?:(?!(?:offices?|premises|warehouse|depot|headquarters|hq|shop|store|business|site|address|bureaux?|locaux|siege|entrepot|magasin|boutique|atelier|usine|factory|plant|operations|head)\b)[a-z]+ ){1,3}(?:out|from|off|across|between|around|round|upstairs|downstairs|hors|du|de la|des|depuis|vers|entre)\b))\b/
/** A new address announced: in a notice as in an order sent to it ("please deliver to our new address:"), so it only weighs against. */
const NEW_ADDRESS = /\b(?:change (?:of|to (?:our|the)) (?:delivery |billing |invoice )?address|(?:changement|modification) d adresse|(?:our|notre) (?:new|nouvelle) (?:delivery |billing )?address|nouvelle adresse)\b/

/**
 * "Please quote the PO number on all invoices (and packing slips)", "please quote PP-9921 on the invoice", "kindly quote
 * the above reference on your invoice" (the reference named before, in the subject or above), "à reporter sur la facture": "quote" saying to cite a reference, not asking for a price; the paperwork it is cited on no invoice matter.
 */
const CITE_REFERENCE =
  /\b(?:(?:quote|quoting|mention\w*|reference|cite|rappeler|rappelez|indiquer|indiquez|mentionner|mentionnez|reporter|reportez) (?:the |our |this |your |this |notre |le |la |ce |cette |votre )?(?:(?:official|officiel|above|above mentioned|aforementioned|said|same|ci dessus|susmentionnee?) )?(?:po|p o|purchase order|order|commande|bon de commande|reference|ref|invoice|account|numero|number|n|wo|w o|work order|works order|job|ordre de travail|ot|bon de travaux)(?: (?:number|no|ref|reference|de commande|numero))?(?: (?:not|pas|et non|rather than|instead of) (?:the |our |your |le |la |notre |votre )?[a-z]+(?: (?:number|no|numero))?)?(?: (?:on|sur) (?:the |your |our |all |each |la |le |les |vos |votre |chaque )?(?:invoices?|packing slips?|delivery notes?|paperwork|factures?|bl|bons? de livraison)(?: (?:and|et) (?:the |your |la |le |les )?(?:invoices?|packing slips?|delivery notes?|paperwork|factures?|bl|bons? de livraison))?)?|(?:quote|quoting|mention|cite|reference) (?:[a-z]{1,8} )?[a-z]*\d[a-z0-9]*(?: \d+)? (?:on|in|sur) (?:the |your |our |all |each |any |la |le |les |vos |votre |chaque )?(?:invoices?|packing slips?|delivery notes?|paperwork|factures?|bl|bons? de livraison)|(?:a reporter|a mettre|a indiquer|a rappeler)(?: [a-z]+ment)? sur (?:la |le |les |vos |votre |chaque )?(?:invoices?|packing slips?|delivery notes?|paperwork|factures?|bl|bons? de livraison)(?: et (?:la |le |les )?(?:invoices?|packing slips?|delivery notes?|paperwork|factures?|bl|bons? de livraison))?|(?:quote|mention) (?:it|this|them|that) (?:on|in)(?: (?:the |your |our |all |any )?(?:delivery notes?|invoices?|paperwork|documents?|correspondence)(?: and (?:the |your |our )?(?:delivery notes?|invoices?))?)?|(?:retourner|retournez|renvoyer|renvoyez|return|send back) (?:nous |us |me )?(?:l |le |la |un |une |the |an |a |your |votre |notre |our )?(?:accuse de reception|ar|acknowledge?ment|confirmation|copie signee|exemplaire signe|signed copy))\b/g

/**
 * The same said of the reference itself: "this number must be quoted on your invoice", "the PO no. should appear on all
 * delivery notes", « ce numéro doit être rappelé sur la facture », « la référence est à mentionner sur le BL »: the
 * reference the mail names is to be cited on our paperwork; no quote asked, no invoice in dispute.
 */
const CITED_PASSIVE =
  /\b(?:(?:must|should|shall|has to|have to|needs? to|is to|are to|to) (?:always )?(?:be (?:quoted|shown|stated|cited|referenced|mentioned|written|printed|included|given)|appear|show)|(?:doit|doivent|devra|devront) (?:imperativement |obligatoirement |toujours )?(?:etre (?:rappelee?s?|mentionnee?s?|indiquee?s?|reportee?s?|porte(?:e|s|es)?|inscrite?s?)|figurer|apparaitre)|(?:est|sont) a (?:rappeler|mentionner|indiquer|reporter|porter|faire figurer)) (?:on|in|sur) (?:the |your |our |all |each |any |every |la |le |les |vos |votre |chaque |toute |toutes les |tous les )?(?:invoices?|packing slips?|delivery notes?|delivery dockets?|paperwork|documents|correspondence|factures?|bl|bons? de livraison)\b/g

/** What a sentence asks to know rather than to receive. */
const INFO_NOUN =
  /\b(?:prices?|pricing|rates?|costs?|tarifs?|prix|lead ?times?|delais?|availability|disponibilites?|quotes?|quotations?|devis|cotations?|how much|combien)\b/
/** A price named as the terms of the goods asked for: "at the usual price", "au prix du devis". */
const PRICE_AS_TERMS = /\b(?:at|au|a|aux|for) (?:the |your |our |votre |notre |le |les )?(?:usual |same |quoted |agreed |current |normal |meme |habituel )?(?:prices?|rates?|prix|tarifs?)\b/g
const ASKS = /\b(?:could you|can you|would you|will you|pouvez vous|pourriez vous|pourrez vous|auriez vous|merci de (?:nous |me )?(?:communiquer|indiquer|transmettre|envoyer|faire parvenir|donner)|let (?:me|us) know|please (?:send|advise|confirm|provide|give|share)|(?:j|nous) (?:aimerais|aimerions|voudrais|voudrions|souhaiterais|souhaiterions|souhaite|souhaitons) (?:connaitre|savoir|recevoir|avoir)|what (?:is|are|would|s)|quel\w* (?:est|sont|serait|seraient)|tell (?:me|us))\b/
/** A sentence ordering a quantity itself: "send us 10 boxes", "il nous faut 20", "put me down for 4 rolls". */
const ORDERS_A_QUANTITY =
  /\b(?:send|ship|deliver|supply|need|want|order|book|take|put (?:me|us) down for|envo\w*|livr\w*|command\w*|faut|besoin d|prend\w*|mettez (?:moi|nous))(?: \p{L}+){0,2} (?:\d+|one|two|three|four|five|six|ten|twelve|twenty|un|une|deux|trois|quatre|cinq|six|dix|douze|vingt)\b/u

/**
 * A seller acknowledging an order it received ("Thank you for your order … Sales order: SO-448812", "Nous avons
 * bien reçu votre commande"): a supplier's mail about its own customer's buying, or ours forwarded. It orders nothing.
 */
const ACKNOWLEDGES =
  /\b(?:order acknowledge?ment|acknowledge?ment of (?:your )?order|thank you for your (?:order|purchase)|thanks for your (?:order|purchase)|we (?:have|ve) received your order|your order has been (?:received|accepted|processed|dispatched|shipped)|accuse de reception de (?:votre )?commande|merci pour votre commande|nous avons bien recu votre commande|votre commande a (?:bien )?ete (?:enregistree|expediee|prise en compte|validee))\b/
/**
 * Paperwork about goods already bought: an invoice to split, reissue or correct, "no change to quantities". The
 * quantities it restates are the earlier order's.
 */
const PAPERWORK =
  /\b(?:re ?issue (?:it|them|the|this|that|our|invoice)|invoice(?: \S+){0,4} split|split (?:the |this |that |our )?invoice|credit and re ?bill|duplicate (?:of (?:the|our) )?invoice|(?:refaire|reediter|rectifier|scinder|dupliquer|corriger) (?:la|cette|notre) facture|duplicata de facture|facture rectificative|no change (?:to|in) (?:the )?quantities|quantites inchangees|sans changement (?:de|des) quantites)\b/
/**
 * Goods that came in, said by whoever received them ("everything on DN-26-8812 came in this afternoon and has been
 * checked in", "tout est bien arrivé"): a delivery reported, which orders nothing unless the mail also asks for goods.
 */
const RECEIVED =
  /\b(?:(?:came|come) in (?:this|today|yesterday|fine|ok|okay|safely|complete)|(?:has|have) been checked in|checked (?:it |them |everything )?in|(?:has|have) (?:all )?arrived|arrived (?:today|this morning|this afternoon|safely|in good order)|received in (?:full|good order)|all (?:present and )?correct|tout est (?:bien )?arrive|(?:bien )?receptionnee?s? (?:ce matin|cet apres midi|aujourd hui|hier)|recue?s? (?:en totalite|au complet))\b/

/**
 * A seller's notice that goods already left ("your parcel is out for delivery", "track your package", "votre colis
 * est en route"): about an order placed before, with whoever sold it. Passed on with no words of one's own, it
 * orders nothing, whatever order number it shows.
 */
const SHIPPED =
  /\b(?:(?:your|votre) (?:order|package|parcel|shipment|delivery|commande|colis|envoi)(?: n)?(?: [a-z]{0,3}\d[\d-]*)? (?:has (?:been )?shipped|has been dispatched|is on (?:its|the) way|is out for delivery|est en (?:route|cours de livraison|chemin)|a ete expediee?)|track (?:your|my) (?:package|parcel|order|shipment|delivery)|suivre (?:mon|votre) (?:colis|envoi|commande))\b/

export function shippedNotice(folded: string): string | null {
  return SHIPPED.exec(folded)?.[0] ?? null
}

export function acknowledgesOrder(folded: string): string | null {
  return ACKNOWLEDGES.exec(folded)?.[0] ?? null
}

export function paperwork(folded: string): string | null {
  return PAPERWORK.exec(folded)?.[0] ?? null
}

export function goodsReceived(folded: string): string | null {
  return RECEIVED.exec(folded)?.[0] ?? null
}

/** The distinct marks of firm-less quantities in a mail's own words. */
export function tentativeMarks(folded: string): string[] {
  return [...new Set([...folded.matchAll(TENTATIVE)].map((m) => m[0]))]
}

export function recordsNotice(folded: string): string | null {
  return RECORDS_NOTICE.exec(folded)?.[0] ?? null
}

export function newAddress(folded: string): string | null {
  return NEW_ADDRESS.exec(folded)?.[0] ?? null
}

/**
 * One product of the list struck off ("les gobelets sont annulés", "the bulbs are cancelled"): the rest still goes. Only
 * an order, a delivery or a meeting said cancelled cancels the mail's matter.
 */
const ITEM_STRUCK =
  /\b(?:les|le|la|l|the)\s+(?!(?:commandes?|livraisons?|orders?|deliver(?:y|ies)|shipments?|rendez vous|rdv|meetings?|reunions?|abonnements?|subscriptions?|contrats?|contracts?|bc|po|purchase|bon|visite|visit|cours|evenement|event)\b)[a-z]+(?: [a-z]+)? (?:sont|est|is|are|have been|has been|ont ete|a ete) (?:annulee?s?|cancell?ed)\b/g

/** The mail's words with "quote the PO number…" said as "cite the reference", so they are no request for a quote. */
export function withoutCitations(folded: string): string {
  return folded.replace(ITEM_STRUCK, "item struck").replace(CITE_REFERENCE, "cite the reference").replace(CITED_PASSIVE, "cite the reference").replace(TERMS, "cite the reference").replace(FORM_RETURN, "form to fill in").replace(PAYMENT_SENT, "payment sent").replace(WHO_PAYS, "who pays").replace(OTHERS_IN_COPY, "others in copy")
}

/**
 * Who pays whom, inside the buyer's side or for our invoice, the payer named: "le comité remboursera l'entreprise en
 * interne", "l'école ne rembourse pas sans bon" ("je te rembourse" between colleagues stays what it was), "the Association will pay your invoice", "la mairie réglera votre facture". No refund
 * asked of us, no invoice in dispute: only a refund asked of us ("remboursez-nous", "merci de me rembourser") is one.
 */
const WHO_PAYS =
  /\b(?!(?:vous|me|m|nous|te|t|je|j|tu|on|il|elle|ils|elles|qui)\b)[a-z]+ (?:ne )?(?:l |les |leur |lui |nous )?rembourse(?:ra|ront|nt)?\b|\b(?:will|shall|to|who|which|can|must) (?:then )?(?:pay|settle) (?:your|the|all|any) (?:invoices?|bills?)\b|\b(?:paiera|reglera|payera|paiement de|reglement de) (?:votre|vos|la|les) factures?\b/g
/**
 * Someone else kept in copy ("le pôle achats reste en copie pour info", "our buyer is copied for information"): the
 * mail is addressed to us all the same; only "vous êtes en copie pour info", "you're copied FYI" makes it one we read for
 * information.
 */
export const OTHERS_IN_COPY =
  /(?<!\b(?:you|vous|you re|you are) )\b(?:reste|restent|est|sont|stays?|remains?|is|are)(?: aussi| also| just)? (?:en copie|in copy|in cc|cc d|copied|en cc)(?: pour (?:info|information)| for (?:info|information|your information|reference))?\b/g

/**
 * A purchase order's terms about the supplier's paperwork: "invoices without a valid order number will be returned
 * unpaid", "toute facture sans numéro de commande sera retournée". No return, no unpaid invoice of the customer's.
 */
const TERMS = /\b(?:will|shall|may|would) be (?:returned|rejected|refused|sent back)(?: unpaid)?|(?:sera|seront) (?:retournee?s?|renvoyee?s?|refusee?s?|rejetee?s?)(?: (?:impayee?s?|non payee?s?|sans paiement))?\b/g
/**
 * A form's own instruction to send it back filled in ("Bon de commande (à nous retourner complété)", "to be returned
 * signed"): the way the form travels, no goods sent back.
 */
const FORM_RETURN = /\b(?:a (?:nous |me )?(?:retourner|renvoyer)|to be (?:returned|sent back)|(?:please )?return (?:it |this (?:form )?)?)(?: (?:dument|duly))? (?:completee?s?|remplie?s?|signee?s?|complete|completed|filled in|filled out|signed)\b/g
/**
 * A payment said to be on its way ("le virement de 412 € est parti ce matin", "the transfer went out today"): money
 * sent by the customer, no question about the goods' shipping.
 */
const PAYMENT_SENT = /\b(?:virement|paiement|reglement|cheque|payment|bank transfer|transfer|remittance)\b[^.!?\n]{0,60}?\b(?:est|sont|a ete|is|has been|was|went|has gone|have gone) (?:bien )?(?:partie?s?|envoyee?s?|effectuee?s?|sent|made|out|gone|left)\b/g

/**
 * The sentence of a line's words that holds its quantity asks for a price, a lead time or a quote ("Could you send
 * me your current prices for hand stretch film for 50+ rolls a month?") and orders no quantity itself.
 */
export function askedAbout(line: FoundLine): boolean {
  const sentences = line.evidence.split(/(?<=[.!?])\s+|\s+\/\s+/)
  const holding = sentences.filter((s) => new RegExp(`(?<!\\d)${line.quantity}(?!\\d)`).test(s))
  const sentence = holding[0] ?? line.evidence
  const folded = foldText(sentence).replace(PRICE_AS_TERMS, " ")
  if (!INFO_NOUN.test(folded)) return false
  if (!/\?/.test(sentence) && !ASKS.test(folded)) return false
  return !ORDERS_A_QUANTITY.test(folded.replace(/\b(?:send|envoyer|envoyez) (?:me|us|nous|moi) (?:your|the|vos|votre|le|la|les) /g, "tell "))
}

/**
 * An order still to come, said so: placed later by someone else or once something is settled ("avant que tu passes
 * la commande", "I don't want to raise the order until…", "je vous passerai la commande ferme dès que…", "si oui, je
 * vous commande les 50 boîtes", "if you can do 20 at that price, we'd order", "avant que je commande quoi que ce soit",
 * "je vous dis lundi si on recommande", "on attend de voir"). The quantities are what it would be.
 */
const NOT_YET =
  /\b(?:avant que (?:je|nous|on) (?:ne )?(?:vous )?command\w*|(?:je|nous|on) ne (?:vous )?(?:passe|passerai|passerons|commande|commanderai|commanderons|commanderai) rien (?:tant qu|avant)|(?:i|we) (?:won t|will not|shan t) (?:order|place|put through|raise) (?:anything|an order|the order|it) (?:until|before)|(?:je|nous|on) vous (?:dis|dit|dirai|dirons|confirme|confirmerai|confirmerons) (?:\w+ ){0,3}si (?:on|nous|je) (?:re)?(?:command\w*|passe\w* (?:la |une )?commande)|(?:i|we) ll (?:let you know|tell you|confirm) (?:\w+ ){0,3}(?:if|whether) (?:we|i) (?:re)?order|(?:on|nous) (?:attend|attendons) de voir|(?:we ll|we will|let s) wait and see|(?:je|nous) vous (?:passerai|passerons|enverrai|enverrons|ferai|ferons) (?:la|notre|ma|une) commande|(?:avant|en attendant) que? (?:tu|vous|il|elle|on) (?:passes?|passiez|passe|lances?|lanciez|valides?|validiez) (?:la|cette|notre) commande|avant (?:que (?:je|nous) (?:passe|passions|lance|lancions)|de passer) (?:la|cette|notre) commande|(?:avant de|before) (?:vous |you )?(?:renvoyer|envoyer|retourner|transmettre|send(?:ing)?|return(?:ing)?) (?:nous |us )?(?:les|nos|mes|the|our|my) (?:quantites|quantities|numbers|besoins)|(?:i|we) (?:don t|do not) want to (?:raise|place|send|put in|submit) (?:the|an|our|this) (?:order|po)|(?:before|until) (?:i|we|you) (?:raise|place|put in|submit) (?:the|an|our|this) (?:order|po)|(?:so (?:they|you) know|pour qu (?:ils|elles|vous) sachiez?|pour qu ils sachent) (?:that )?(?:it s|it is|ca|que ca|que cela) (?:coming|peut venir|va venir|arrive)|si (?:oui|c est le cas|vous pouvez|vous acceptez|c est possible)\b[^.?!\n]{0,50}\b(?:je|nous) vous command\w*|if (?:so|yes|you can|you could|you re able to)\b[^.?!\n]{0,80}\b(?:we d|we would|i d|i would|we ll|we will|i ll|i will) (?:order|take|place|go ahead|raise)|(?:commande|liste|bon de commande)\b[^.?!\n]{0,120}\b(?:vous )?(?:sera|seront) (?:transmise?s?|envoyee?s?|adressee?s?|passee?s?|faxee?s?)|(?:order|list|po|purchase order)\b[^.?!\n]{0,120}\b(?:will|ll|is going to) (?:be sent|be placed|be raised|follow|come through)|(?:je|nous|on) vous (?:renverra|renverrai|renverrons|enverra|transmettra|transmettrai|transmettrons|ferai|ferons|fera) (?:passer )?(?:une|la|notre|ma|nos) (?:liste|commande|besoins)|(?:we|i) (?:ll|will) (?:send|email|forward) (?:you )?(?:a|the|our|my) (?:new |actual |real |formal |official |proper |final )?(?:list|order|po)\b[^.?!\n]{0,40}\b(?:in|next|early|at the start of|once|when|after))\b/

/** A price set against another supplier's to be matched: "pouvez-vous vous aligner ?", "can you match it?". */
const PRICE_MATCH =
  /\b(?:vous aligner|s aligner sur|(?:can|could|would) you (?:match|beat)|match (?:that|this|their|the other|our other) (?:price|offer|quote)|price match\w*|(?:un autre|another|other) (?:fournisseur|supplier|vendor) (?:nous )?(?:propose|offers?|quotes?|has quoted|is offering))\b/

/**
 * Quantities given as a rate of use or a yearly volume, not as goods asked for: a survey answer ("consommation
 * mensuelle moyenne"), a tender's schedule ("estimated annual volumes (not a commitment to purchase)"), data asked about
 * what was bought ("pour notre bilan carbone : le poids unitaire de ce que nous vous achetons"). "Do not send goods"
 * says so, not "please don't send goods there" under an invoices-only box: where the goods must not go.
 */
const USAGE =
  /\b(?:bilan carbone|empreinte carbone|carbon (?:footprint|report\w*|accounting)|facteurs? d emission|emission factors?|scope 3|poids unitaires?|unit weights?|(?:donnees|data) (?:d achats?|on (?:our |your )?purchases)|extraction comptable|consommation (?:mensuelle|annuelle|hebdomadaire|moyenne)|(?:average |estimated |typical )?(?:monthly|annual|yearly|weekly) (?:volumes?|consumption|usage|requirements?)|volumes? (?:annuels?|mensuels?|estimes?|previsionnels?)|estimated (?:annual |yearly |monthly )?volumes?|not a commitment to (?:purchase|buy|order)|sans engagement (?:d achat|de commande)|(?:do not|don t) send (?:any )?goods(?! (?:there|to (?:that|this|the|our|my)|at (?:that|this|the))\b)|n envoyez (?:pas|aucune) (?:de )?marchandise(?!s? (?:la bas|a cette|a l adresse|au|a la|a l|chez)\b)|enquete (?:de )?satisfaction|satisfaction survey|customer survey|questionnaire|tender|appel d offres?)\b/

/** A "purchase order" one must sign in with one's mailbox password to see: phishing, whatever quantities it shows. */
const PHISHING =
  /\b(?:(?:sign|log) ?in with your (?:e ?mail|mailbox|webmail|microsoft|office 365|outlook) (?:password|credentials|account)|(?:your )?(?:e ?mail|mailbox|webmail) password|connecter avec (?:vos )?identifiants (?:de )?(?:messagerie|courriel|mail)|identifiants de (?:messagerie|courriel)|mot de passe (?:de (?:votre )?)?(?:messagerie|courriel))\b/

/**
 * Goods handed over, told by who received them: a signed delivery note ("le BL BL-26-4471 signé … reçu ce matin",
 * "tout est conforme", "signed POD attached"), or a delivery short of the note ("your driver dropped off DN-… : 3 cartons
 * instead of the 5", "has the balance been back-ordered?"). It restates the lines delivered; it asks for nothing.
 */
const DELIVERED =
  /\b(?:(?:bl|bon de livraison|delivery note|dn|pod|proof of delivery)(?: \S+)? (?:signe|signee|signed)|signed (?:delivery note|dn|pod|proof of delivery)|(?:recue?s?|livree?s?) (?:ce matin|cet apres midi|aujourd hui|hier(?: soir| matin)?)|tout est conforme|rien a signaler|everything (?:is )?(?:correct|as ordered|in order)|delivered (?:this morning|this afternoon|today|yesterday) (?:and|all)|(?:your|the|votre|le) (?:driver|courier|chauffeur|livreur) (?:dropped(?: off)?|left|delivered|brought|a (?:depose|laisse|livre|apporte))|short (?:delivery|delivered)|(?:has|have) (?:it|they|this|the rest|the balance) been back ?ordered|livraison (?:incomplete|partielle))\b/

/**
 * The sender asks its reader to approve or sign for goods it offers: a seller's quote ("pour commander, il suffit de
 * me renvoyer ce devis signé", "to go ahead, just reply to this mail"), a printer's proof ("proofs for approval",
 * "please reply 'approved'", "bon à tirer"). The quantities are the sender's offer; the order would be the reader's.
 */
const APPROVAL_ASKED =
  /\b(?:pour (?:commander|passer commande|valider|confirmer)\b[^.?!\n]{0,30}\b(?:il suffit|vous (?:pouvez|n avez qu)|merci) (?:de |d |a )?(?:me |nous )?(?:renvoyer|retourner|repondre|signer)|(?:to (?:order|place (?:an|the|your) order|go ahead|proceed|confirm)),? (?:just |simply |please )?(?:reply|sign|return|send (?:back|us))|(?:please )?reply (?:with )?(?:approved|ok|yes) (?:to|by|before)|proofs? (?:for (?:your )?approval|(?:are|is) ready)|(?:your|vos|votre) (?:print )?proofs?|bon a tirer|epreuves? (?:pour|a) valider|(?:renvoyer|retourner) (?:ce|le|notre) devis signe)\b/

/**
 * The mail says it is the order itself ("please accept this as our order 4500018842", "ce mail vaut commande"): the
 * formal copy it announces ("the system PO will follow under the same number") is paperwork, no order to come; so is
 * a copy the reader is told not to wait for ("the PO document will follow from our system, please don't wait for it").
 */
export const THIS_IS_THE_ORDER =
  /\b(?:(?:accept|treat|take|consider) this (?:mail |email |e mail |message |note )?as (?:our |an |my |the )?(?:official |formal |firm )?(?:order|call off|po|purchase order|confirmation of order)|ce (?:mail|message|courriel) vaut (?:bon de )?commande|valant (?:bon de )?commande|tient lieu de (?:bon de )?commande|(?:please )?(?:don t|do not) wait for (?:it|the (?:po|document|paperwork|formal (?:copy|po)))|(?:merci de ne pas|ne pas|n) attend(?:re|ez) pas (?:le|la|ce|cette) (?:bon|document|confirmation|pdf))\b/

/**
 * A mail about goods of an order already placed, asking for nothing new: the rest of a delivery chased ("il nous manque
 * toujours le reliquat", "we're still waiting for the rest"), waited for ("we'll wait for the 2 chairs, ship them when
 * they come in"), a delivery short that asks a credit ("faites-nous un avoir", "réserve sur le BL"), a buyer's change
 * notice that keeps the lines ("No change to lines, quantities or prices"), a placed order's arrival asked after ("can you
 * give me an ETA for PO …", "où en est notre commande"). The lines are the earlier order's.
 */
const EARLIER_ORDER =
  /\b(?:(?:il )?(?:nous |me )?manquen?t? (?:toujours|encore)|(?:we re|we are|i m|i am|still) (?:still )?(?:missing|waiting (?:for|on)) (?:the )?(?:rest|remainder|balance|backorder|back order|outstanding)|(?:we|i) (?:ll|will|can|are happy to|re happy to) wait (?:for|on)|(?:ship|send|deliver) (?:them|it|the rest|the balance) (?:when|once|as soon as) (?:they|it|the rest) (?:come|comes|arrive|arrives|is|are) (?:in|back in stock|available)|(?:nous |on )?(?:attendrons|attendons|patienterons) (?:le reliquat|la suite|le reste)|(?:faites|faire|etablissez|etablir|emettez|emettre)(?: nous| moi)?(?: juste| simplement)? un avoir|reserves? sur le (?:bl|bon de livraison)|(?:purchase order |po |order )?change notification|avis de modification de commande|no change to (?:the )?(?:lines|items|quantities)|(?:aucun changement|aucune modification|pas de changement) (?:sur|des|aux|de) (?:les )?(?:lignes|articles|quantites)|(?:an )?(?:eta|estimated (?:arrival|delivery)(?: date| time)?|status update|tracking update|update|status|news) (?:for|on|of) (?:our |my |the |your )?(?:po|purchase order|order|delivery|shipment)\b(?! (?:form|below|as follows))|ou en (?:est|sont) (?:notre|ma|nos|mes|la|les) (?:commandes?|livraisons?|bc|bons? de commande)|(?:des )?nouvelles de (?:notre|ma|la) (?:commande|livraison))\b/

export function aboutEarlierOrder(folded: string): string | null {
  return EARLIER_ORDER.exec(folded)?.[0] ?? null
}

/**
 * An order called off as a whole ("please cancel our PO GME-0412 in full", "merci d'annuler notre commande", "cancel PO
 * KT-310 in full", its number right after the word) lists what it cancels: no order, however many lines and numbers it
 * quotes. Not when something is asked in its place ("cancel our order and send the following instead").
 */
const CANCELS_ORDER =
  /\b(?:cancel|annuler|annulez)\s+(?:(?:our|my|the|this|that|notre|ma|la|cette|le|ce)\s+(?:whole |entire |complete |full )?(?:order|po|purchase order|commande|bon de commande|bc)\b|(?:order|po|purchase order|commande|bon de commande|bc)\s+(?:(?:no|n|number|numero)\s+)?(?=[a-z]{0,6}\s?\d)[a-z0-9]+(?:\s\d+)*\b)(?!(?:\s+\S+){0,8}\s+(?:replace\w*|remplac\w*|instead|a la place|send|ship|deliver|add|envoy\w*|livr\w*|ajout\w*)\b)/

/** Whichever of these kinds of mail the words show, or null. */
export function notAnOrderYet(folded: string): string | null {
  return (THIS_IS_THE_ORDER.test(folded) ? null : NOT_YET.exec(folded)?.[0]) ?? PRICE_MATCH.exec(folded)?.[0] ?? USAGE.exec(folded)?.[0] ?? PHISHING.exec(folded)?.[0] ?? APPROVAL_ASKED.exec(folded)?.[0] ?? CANCELS_ORDER.exec(folded)?.[0] ?? null
}

export function goodsDelivered(folded: string): string | null {
  return DELIVERED.exec(folded)?.[0] ?? null
}

/**
 * A mail addressed to the sender's own colleagues only (the supplier in copy at most): their discussion, not an
 * order to the supplier ("Oliver, do we want 20 or 10? Copying Comptoir so they know it's coming"). A public
 * mailbox's domain says nothing about who is a colleague.
 */
export function addressedToColleagues(from: string, to: readonly string[], publicDomain: (domain: string) => boolean): boolean {
  const domain = from.toLowerCase().split("@")[1] ?? ""
  if (domain === "" || publicDomain(domain) || to.length === 0) return false
  return to.every((a) => a.toLowerCase().split("@")[1] === domain && a.toLowerCase() !== from.toLowerCase())
}

/**
 * A payment told or an invoice to correct, and nothing else asked: "nous vous confirmons le virement … en règlement de
 * votre facture … (notre commande du 12/11 : 10 boîtes …)", "an ACH payment … was sent … for invoice …", "could you
 * amend the invoice to 5": the goods it names are the invoice's, bought already.
 */
const PAYMENT_OR_INVOICE =
  /\b(?:(?:nous vous confirmons|je vous confirme|nous confirmons|je confirme|this is to confirm(?: that)?|we (?:hereby )?confirm(?: that)?|i (?:can )?confirm(?: that)?|confirming) (?:le |la |l |un |une |an? |the |our |notre |that (?:an? |the |our )?)?(?:virement|paiement|reglement|cheque|(?:ach |bacs |bank |wire )?(?:payment|transfer)|remittance)|(?:virement|paiement|cheque|payment|transfer|remittance)\b[^.!?\n]{0,80}\b(?:en reglement de|in (?:payment|settlement) of|for|against|pour) (?:la |votre |vos |notre |our |your |the )?(?:factures?|invoices?)|(?:amend|correct|adjust|reissue|re issue|modifier|corriger|rectifier|refaire) (?:the|your|our|this|that|la|votre|notre|cette) (?:invoice|facture)\b)/

export function paymentOrInvoice(folded: string): string | null {
  return PAYMENT_OR_INVOICE.exec(folded)?.[0] ?? null
}

/**
 * An order meant for another supplier and sent to us by mistake: "put this on our account with Tywi Trade Supplies",
 * "this message was meant for …", "à mettre sur notre compte chez Durand Matériaux": the supplier named is not us (no word
 * of our own mail domains' names in it).
 */
const OTHER_SUPPLIER = /\b(?:(?:on|to) (?:our|my) account (?:with|at)|(?:sur|a) (?:notre|mon) compte (?:chez|aupres de)|[Tt](?:his|he) (?:message|e-?mail|mail) (?:was|is) (?:meant|intended) for|[Cc]e (?:message|mail|courriel) (?:etait|est) destine a)\s+((?:\p{Lu}[\p{L}&'’-]*\s?){1,5})/u

export function meantForAnotherSupplier(raw: string, ownDomains: readonly string[]): string | null {
  const m = OTHER_SUPPLIER.exec(raw.normalize("NFD").replace(/[\u0300-\u036f]/g, ""))
  if (m === null) return null
  const ours = ownDomains.flatMap((d) => d.split(".").slice(0, -1).join("-").split("-")).filter((w) => w.length >= 4)
  const named = foldText(m[1]!)
  return ours.some((w) => named.includes(w)) ? null : m[0].trim()
}
