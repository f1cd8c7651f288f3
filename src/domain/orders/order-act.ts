import { foldText } from "../search/fold-text"

import { INLINE_ANSWER } from "./mail-body"
import { OTHERS_IN_COPY } from "./order-intent"

/**
 * The order-or-not decision in three outcomes, as a capture product makes it: a mail the rules take for an order is
 * proposed as one only when it carries an explicit order act, written in the general language of buying ("please
 * send", "we would like to order", "je vous commande", "merci de nous livrer", a purchase order attached or its number
 * given as ours) and nothing that takes the act back (a question about price or lead time, "don't send anything", an
 * order for later, a conditional "if you can… we'd order"). Otherwise the agent is asked. Six blind sets showed that
 * rules tuned on each set's look-alike non-orders did not carry to the next author's: this detector was written from
 * how French and English buyers word an order, not from the corpus, and it never turns a mail away on its own: it only
 * decides whether to ask. Pure; raw text in (sentences and question marks matter), folded inside.
 */

export type OrderDecision = "order" | "ask" | "not-order"

export interface OrderActInput {
  subject: string
  /** The sender's own new text (each part the extractor reads as the customer's). */
  bodies: readonly string[]
  /** Text of the attachments read (a purchase order is often only there). */
  attachments: readonly string[]
  /** The extractor read the mail as accepting what it quotes ("bon pour accord", "go ahead") or ordering it again. */
  acceptsQuoted?: boolean
}

export interface OrderActReading {
  /** The words of the explicit order act, or null when the mail has none. */
  act: string | null
  /** Words that take an act back or leave it in doubt; any one of them makes the mail an `ask`. */
  doubts: string[]
}

/** Verbs of handing goods over: what a buyer asks the supplier to do. */
const GIVE_EN = "(?:send|ship|supply|deliver|dispatch|despatch|provide|process|book in|book|arrange|enter|raise|put through|add|include|drop(?: off)?|bring)"
const GIVE_FR = "(?:livrer|envoyer|expedier|faire parvenir|fournir|preparer|adresser|faire livrer|reserver|ajouter|rajouter|mettre)"
/** Words a request puts between its modal and its verb: "could you please also send", "could we just order". */
const SOFT = "(?:(?:please|kindly|pls|also|just|then|now|possibly|ever) )*"
/** A day or date the goods are wanted, in either language. */
const DAY =
  "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|today|tonight|tomorrow|asap|aujourd hui|ce soir|end of (?:the )?(?:week|month)|next week|this week|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|demain|la semaine prochaine|cette semaine|fin de (?:semaine|mois)|\\d{1,2}(?:st|nd|rd|th|er)?(?: \\w+)?)"
/** An order's number or code as a buyer gives it: "PO OP-57040", "order ref: PP-2209", "BC n° 4603". */
const CODE = "(?:no |number |nr |ref |reference |n |numero |#)?[a-z]{0,4} ?\\d{2,}"

/**
 * Words of an order relayed for entry, as our own reps write them above what a customer gave them: "à saisir sur son
 * compte", "merci de saisir", "pls key in", "put this through for …", "il me dicte", "elle m'a passé sa commande",
 * "took this from Jack this morning".
 */
export const KEY_IN =
  /\b(?:a saisir|pour saisie|merci (?:de|d) (?:la |les |le )?saisir|merci a (?:celui|celle|qui)(?: \w+){0,3} (?:saisit|saisira)|(?:pls|please|can (?:you|someone)|could (?:you|someone)) (?:\w+ )?(?:key|put|enter|punch) (?:it |this |these |them |that )?(?:in|through)\b|(?:to|for) (?:be )?key(?:ed)? in|(?:il|elle) (?:me|nous) (?:dicte|a dicte)|(?:il|elle|ils|le client|la cliente) m a (?:passe|donne|dicte) (?:sa|une|leur|la) commande|(?:took|taken|got) (?:this|these|an order|the order|it) (?:down )?from|(?:gave|passed) me (?:an|his|her|their|the) order)/
/**
 * A list of goods and the day they are wanted in one sentence, no question: "40 cartons + 5 rlx film pour mardi", "6 rolls
 * tape before Saturday", « Salut, 2 toners TN-2420 pour demain svp »). The quantity starts the sentence (after a greeting at
 * most); the day follows "pour", "avant", "by", "before".
 */
const LIST_FOR_DAY = new RegExp(`^(?:(?:salut|bonjour|coucou|hello|hi|hey|hiya|morning) )?(?:\\d+|a|an|one|two|three|four|five|six|ten|twelve|un|une|deux|trois|quatre|cinq|dix|douze) [a-z]+\\b.* (?:pour|avant|d ici|by|before|for) (?:le |la |ce |this |next |the )?(?:${DAY.replace(/\|\\d\{1,2\}.*$/, ")")}|(?:le |the )?\\d{1,2}(?:st|nd|rd|th|er)?\\b(?! (?:people|persons|personnes|sites|shops|offices|magasins|boutiques|bureaux|staff)))`)
/**
 * Acts that commit to buying now. Each pattern is matched against one folded sentence; the first that matches is
 * the act. Written as a buyer writes, in both languages.
 */
const ACTS: readonly RegExp[] = [
  // "Please send…", "kindly supply…", "pls ship…"
  new RegExp(`\\b(?:please|kindly|pls|plz)(?: do| also| just)? ${GIVE_EN}\\b`),
  // "Please see Calum's list below and send it to the shore base": the goods shown, then sent.
  new RegExp(`\\b(?:please|kindly|pls|plz)\\b(?: [a-z]+){1,6} and ${GIVE_EN} (?:it|them|these|this|the lot|everything|all)\\b`),
  // "6 extension leads and a dozen E27 bulbs for the pontoon lights please, no rush": the goods, counted, then asked for.
  /^(?:\d+|a|an|one|two|three|four|five|six|ten|twelve|a dozen) [a-z]+\b.* (?:please|pls|plz)\b/,
  // "Could you (please) send us…", "can you deliver…": a request for goods (a question about prices is a doubt below).
  // (Irish and northern English "ye": "could ye send us …")
  new RegExp(`\\b(?:could|can|would|will) (?:you|ye) ${SOFT}${GIVE_EN}\\b`),
  // "Could you do this lot for the new surgery?", "can you do the following": goods asked for as a lot (not "do 20 at that price").
  new RegExp(`\\b(?:could|can|would) you ${SOFT}do (?:this|these|that|the following|the lot|all (?:of )?(?:this|that))(?: (?:lot|order|list|stuff|for us))?\\b`),
  // "Can you do tomorrow AM for the cabin", "could you do Friday?" over a list: the goods asked for on a day.
  new RegExp(`\\b(?:could|can|would) you ${SOFT}do ${DAY}\\b`),
  // "Comme d'hab : 2 toners et 5 ramettes", "as usual, 4 boxes of…": the usual order, its counts given.
  /\b(?:comme d hab(?:itude)?|as usual|same as usual) (?:svp |stp |please |pls )?(?:\d+|un|une|deux|trois|quatre|cinq|six|dix|one|two|three|four|five|six|ten)\b/,
  // "Can you get this to site Monday", "could you get these over to the depot": goods asked to be brought somewhere.
  new RegExp(`\\b(?:could|can|would) you ${SOFT}get (?:this|these|it|them|the following|the lot|everything|all this|all of this)(?: (?:lot|stuff|order|list|gear|kit))? (?:over |out |down |up |across |round )?to (?:us|me|site|the site|our|the|my)\\b`),
  // "This needs to go to our depot, not the office, by Fri 4th", "they have to get to site before Monday": the goods
  // wanted somewhere by a day.
  new RegExp(`\\b(?:this|these|it|they|them|everything|the lot|the order|all (?:of )?(?:this|it)) (?:needs?|has|have) to (?:go|get|be (?:delivered|sent|shipped)|arrive|reach)\\b(?: [a-z0-9]+){0,10} (?:by|before|on|for) ${DAY}`),
  // "If it can be on Monday's van that would be ideal", "if they could come Thursday": the day wanted, if we can.
  new RegExp(`\\bif (?:it|they|the order|everything|this|these) (?:can|could) (?:be|come|arrive|go)(?: [a-z]+){0,3} ${DAY}`),
  // "Could it be here by Saturday?", "can they arrive tomorrow": asking for the goods by a day.
  new RegExp(`\\b(?:could|can) (?:it|they|these|this|the order|everything) (?:be here|arrive|be delivered|come) (?:by |on |for |before )?${DAY}`),
  // "Send us…", "ship me…" at the start of a sentence: the imperative.
  new RegExp(`^(?:(?:hi|hello|dear \\w+|ok|okay|right|so|and|also|then)\\s+)?(?:send|ship|deliver|dispatch|supply)(?: over)? (?:us|me|the following|\\d)`),
  // The past of politeness too: "I just wanted to order", "je voulais vous commander".
  /\b(?:we|i) (?:just )?(?:would|d|wish|want|wanted|was wanting|were wanting|would like|d like|like) (?:to )?(?:order|place an order|put in an order|purchase|buy)\b/,
  /\b(?:we|i) (?:are|am|re|m) (?:ordering|placing an order)\b/,
  // "We should like two cases of…": the old-fashioned wish, with what is wished for.
  /\b(?:we|i) (?:should|would|d) (?:very much )?like (?:\d+|a|an|one|two|three|four|five|six|ten|twelve|a dozen|some|the following)\b/,
  // "I need this with us by Saturday", "we need them here before Friday": the goods wanted by a day.
  new RegExp(`\\b(?:we|i) (?:need|want|require) (?:this|these|them|it|the following|everything|the lot|all (?:of )?(?:this|it))(?: \\w+){0,3} (?:by|before|for|on) (?:the )?${DAY}`),
  /\b(?:we|i) (?:ll|will|shall) take\b/,
  /(?:\b(?:we|i)|^) ?(?:need|require|want)(?: \w+){0,2} (?:\d+|the following|one|two|three|four|five|six|ten|twelve|a dozen)\b/,
  // "Hi guys need 30 packs water …", "Hi team, need 20 rolls …": a text's greeting, then the need with its "we" dropped.
  /^ ?(?:hi|hello|hey|hiya|morning|afternoon|evening|g day)(?: (?:guys|team|all|folks|everyone|there|mate|[a-z]+))? (?:need|require)(?: \w+){0,2} (?:\d+|one|two|three|four|five|six|ten|twelve|twenty|a dozen)\b/,
  // « Comme au téléphone tout à l'heure : 20 packs d'eau … », "As discussed on the phone: 20 packs …": the call's order,
  // put in writing.
  /^ ?(?:comme (?:convenu |vu |dit )?(?:au|par) telephone|suite a (?:notre|mon|votre) (?:appel|coup de fil|echange telephonique)|as (?:discussed|agreed|arranged) (?:on|over|by) the phone|following (?:our|my|your|the) (?:call|phone call))\b/,
  // "Need below for the galley:", "Need the following for Monday:", "require below items": a text's order with its "we"
  // dropped, the list under it (Singapore's and India's English write it so).
  /^ ?(?:need|require)(?: the)? (?:below|following|the following)\b/,
  // "hi it's Gary from the docks job need ten extension leads …": dictation drops the "I" after the speaker says who he is.
  /\bit ?s [a-z]+(?: [a-z]+){0,8} (?:need|require|want)(?: \w+){0,2} (?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|a dozen)\b/,
  // "Could I please grab…", "can we pick up…": the everyday verbs of taking goods.
  new RegExp(`\\b(?:can|could|may) (?:we|i) ${SOFT}(?:get|have|order|re ?order|grab|take|pick up)\\b`),
  /\b(?:(?:to|d|would|i ll|we ll) )?(?:put in|place|placing|putting in) (?:an|our|my|a new|this|the following) order\b/,
  /\b(?:confirming|(?:we|i) (?:hereby )?confirm) (?:in writing|(?:our|my|the|this) order)\b/,
  /\bput (?:us|me) down for\b/,
  /\b(?:add|put) (?:this |these |them |it |the following )?(?:to|on) (?:our|my|the) (?:order|account|next delivery)\b/,
  /\b(?:(?:please )?find (?:attached|enclosed|below)|attached (?:is|are|please find)|enclosed (?:is|please find)|here is|here s|this is|below is|as follows is) (?:our|my|the|a) (?:new |revised |updated |official )?(?:purchase order|order|po)\b/,
  /\b(?:our|my) (?:new |revised |official )?(?:purchase order|order|po) (?:is )?(?:attached|enclosed|below|as follows|follows)\b/,
  // "Please find our supplies order for the Christmas hampers attached": the order named, then where it is.
  /\b(?:please )?find (?:our|my|the) (?:[a-z]+ ){0,3}(?:purchase order|order|po)\b(?: [a-z]+){0,8} (?:attached|enclosed|below)\b/,
  new RegExp(`\\b(?:purchase order|p o|po|bc|order|our ref|our reference|notre ref|notre reference|reapprovisionnement|replenishment|call off|reassort|restock) ${CODE}\\b`),
  /\border (?:as follows|for delivery)\b/,
  // "Our PO is RR-2611", "our PO number for this lot is KT-33", « notre numéro de commande est le 55120 »: the buyer's own
  // order number given in a sentence, as a forwarder writes it above a colleague's list (tune50b).
  new RegExp(`\\b(?:our|my) (?:purchase order|p o|po|order)(?: number| no| nr| ref| reference)?(?: for (?:this|these|the|that|today s)(?: [a-z]+){0,2})? (?:is|will be|would be) ${CODE}\\b`),
  new RegExp(`\\b(?:notre|mon) (?:numero|n|no|ref|reference) (?:de |d )(?:commande|cde|achat|bon de commande)(?: pour (?:cette|ce|ces|cet)(?: [a-z]+){0,2})? (?:est|sera) (?:le |la )?${CODE}\\b`),
  // "need these asap", "need them Thursday latest", « besoin de tout ça pour demain »: a text's need, its "we" dropped, of
  // the goods listed, with the day they are wanted (tune50b; "need these prices asap" names no goods).
  new RegExp(`^ ?(?:(?:hi|hello|hey|hiya|morning)(?: [a-z]+)? )?(?:need|needs|require) (?:these|this|them|it|the lot|this lot|everything|all (?:of )?(?:this|these|it))(?: (?:please|pls|by|before|for|on|the))* ${DAY}`),
  new RegExp(`^ ?(?:(?:salut|bonjour|coucou) )?besoin (?:de|d) (?:tout ca|ca|ceci|cela|tout cela|ces articles|ces produits|ce qui suit|la liste (?:ci dessous|suivante))(?: (?:pour|avant|d ici|au plus tard|le|la))* ${DAY}`),
  /\b(?:delivery|deliver(?:ed)?) (?:is )?(?:required|needed|wanted|requested|please) (?:by|on|for|before|asap|next|this)\b/,
  // A requisition's "Date de besoin : mardi 15", "Need-by date: Monday 14th", "Date required: …": the day the goods are
  // wanted, as a procurement form states it.
  new RegExp(`^(?:date de besoin|date (?:de livraison )?souhaitee|besoin (?:pour )?le|need(?:ed)? by(?: date)?|required (?:by )?date|date required|required by) ${DAY}`),
  new RegExp(`\\b(?:delivery (?:on |by |for |before )?${DAY}|(?:by |on |for )?${DAY}(?: \\w+){0,3} (?:delivery )?(?:please|pls|plz))\\b`),
  /\b(?:for|to be) deliver(?:y|ed) (?:on|by|before|next|this|tomorrow|asap|monday|tuesday|wednesday|thursday|friday|saturday)\b/,
  // "If possible this Friday", "si possible pour jeudi", "ideally by the 14th": the day the goods are wanted.
  new RegExp(`\\b(?:if possible|if poss|where possible|ideally|si possible|idealement|au plus tard|at the latest)(?: (?:by|on|for|this|next|pour|le|la|avant|d ici))* ${DAY}`),
  // "… jeudi si possible", "Friday if possible", "by Friday if you can": the day first, the wish after it.
  new RegExp(`\\b${DAY} (?:si possible|if possible|if poss|if you can|if you could|si vous pouvez|si vous le pouvez|si c est possible|idealement|ideally|de preference|preferably)\\b`),
  // "Thurs ok", "samedi c'est bon": the day the goods are wanted, granted in two words.
  new RegExp(`\\b${DAY} (?:ok|okay|is fine|would be fine|works|c est bon|ca ira|ca me va)$`),
  LIST_FOR_DAY,
  // The French infinitive of a note: "livrer lundi au 45 boulevard…", "à déposer chez…", "expédier le 14".
  new RegExp(`^(?:a )?(?:livrer|deposer|expedier|envoyer) (?:le |la |au |aux |a |chez |sur |${DAY})`),
  // Goods to be made ready and fetched at our counter: "préparez-moi 2 rallonges", "je passe les prendre vendredi",
  // "I'll pick them up Friday", "we'll collect on Monday".
  /\b(?:preparez|reservez|mettez de cote)(?: moi| nous| m en| nous en)? (?:\d|un|une|des|le|la|les|deux|trois)\b|\b(?:je|on|nous) (?:passe|passerai|passerons|passera|viens|viendrai|viendrons) (?:les |le |la |l |tout )?(?:prendre|chercher|recuperer|enlever)\b|\b(?:i|we) (?:ll|will|shall|can) (?:come and |come to |pop in to |pop by to )?(?:pick (?:them |it |these |the order |everything )?up|collect (?:them|it|these|the order|on|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday))\b/,
  // "Profitez-en pour nous livrer…", "while you're at it, send…": an order added to another matter.
  new RegExp(`\\b(?:profitez en pour|tant que vous y etes,? (?:pouvez vous )?) ?(?:nous |me )?${GIVE_FR}\\b`),
  // "Please accept this as our order", "treat this as call-off no. 7", "ce mail vaut commande".
  /\b(?:(?:accept|treat|take|consider) this (?:mail |email |e mail |message |note )?as (?:our |an |my |the )?(?:official |formal |firm )?(?:order|call off|po|purchase order)|ce (?:mail|message|courriel) vaut (?:bon de )?commande|valant (?:bon de )?commande|tient lieu de (?:bon de )?commande)\b/,
  /\b(?:go ahead|please proceed|please action(?: (?:it|this|these|them))?|(?:can|could) you (?:please )?action (?:it|this|these|them|the)|proceed with (?:the|this|our) order|we (?:accept|approve) (?:the|your|this) (?:quote|quotation|offer)|approved as quoted|same again|repeat (?:our|the|my) (?:last |previous )?order)\b/,
  // French.
  new RegExp(`\\bmerci (?:de|d) (?:bien vouloir )?(?:nous |me |m |nous en |m en )?${GIVE_FR}\\b`),
  new RegExp(`\\b(?:je vous remercie|nous vous remercions) de (?:bien vouloir )?(?:nous |me |m )?${GIVE_FR}\\b`),
  new RegExp(`\\bveuillez (?:nous |me |m )?${GIVE_FR}\\b`),
  new RegExp(`\\b(?:pouvez|pourriez|pourrez|pourriez) vous (?:nous |me |m )?${GIVE_FR}\\b`),
  // "Vous pouvez nous livrer tout ça mardi ?": the spoken question, the same request uninverted.
  new RegExp(`\\bvous (?:pouvez|pourriez|pourrez) (?:nous |me |m )?${GIVE_FR}\\b`),
  new RegExp(`\\bserait il possible de (?:nous |me |m )?${GIVE_FR}\\b`),
  // « Est-ce qu'on pourrait avoir pour demain : », « pourrions-nous avoir … »: the goods asked to be had, as "could we have".
  /\b(?:(?:on|nous) (?:pourrait|pourrions|pourra|pourrons|peut|pouvons) (?:avoir|recevoir|etre livres?)|(?:pourrait|peut) on (?:avoir|recevoir|etre livres?)|(?:pourrions|pouvons) nous (?:avoir|recevoir|etre livres?))\b/,
  /\b(?:je vous commande|nous vous commandons|nous commandons|je commande|nous passons commande|je passe commande|je vous passe (?:une |la |ma )?commande|nous vous passons (?:une |la |notre )?commande)\b/,
  /\b(?:je|nous) (?:souhaite|souhaitons|souhaiterais|souhaiterions|voudrais|voudrions|voulais|voulions|aimerais|aimerions|desire|desirons) (?:vous )?(?:commander|passer (?:une |la |notre |ma )?commande|recevoir|etre livres?)\b/,
  /\b(?:envoyez|livrez|expediez|faites (?:nous |moi )?parvenir|mettez|rajoutez|ajoutez)(?: nous| moi| m en| nous en| en| y)?\b/,
  /\b(?:envoie|livre|rajoute|ajoute|mets) (?:moi|nous|m en|nous en)\b/,
  // "Nous avons besoin pour mardi prochain :": the need said before what is needed.
  /\b(?:il (?:me |nous )?(?:faut|faudrait|faudra|faudrai)|(?:nous|j) (?:avons|ai|aurions|aurais) besoin (?:de|d|du|des|pour|rapidement|urgemment|d urgence))\b/,
  /\b(?:je vous confirme|nous vous confirmons|je confirme|nous confirmons) (?:donc )?(?:la|notre|ma|cette) commande\b/,
  // (« Ci-joint l'export de notre demande d'achat validée DA-… (Divalto) »: a purchasing system's export of the order, the
  // requisition approved.)
  /\b(?:voici|ci joint|ci dessous|veuillez trouver(?: ci joint| ci dessous)?|vous trouverez(?: ci joint| ci dessous)?) (?:(?:l|un) (?:export|extraction|extrait) (?:de |d )|le fichier (?:de |d ))?(?:notre|ma|la|une) (?:nouvelle )?(?:commande|bon de commande|demande d achat validee)\b/,
  // "Voici le rendez-vous de livraison pour notre commande :", "here is the delivery slot for our order:": an invitation
  // that books the goods' arrival places the order it lists.
  /\b(?:voici|ci dessous) (?:le|notre) (?:rendez vous|rdv|creneau) (?:de |pour la )?livraison (?:de|pour) (?:notre|ma|la) commande\b/,
  /\b(?:here is|here s|this is|below is) (?:the|our) (?:delivery (?:slot|appointment|window)|(?:slot|appointment) for (?:the )?delivery) (?:for|of) (?:our|my|the) (?:order|po|purchase order)\b/,
  /\bbon de commande\b/,
  // « Merci d'enregistrer notre BC EE-STR-26-0519 », « veuillez prendre en compte notre commande », "please log our PO
  // below", "kindly register the following order": the order handed over to be entered (never an address or an account).
  /\b(?:merci (?:de|d) (?:bien vouloir )?|veuillez |pouvez vous |pourriez vous |je vous remercie de (?:bien vouloir )?|nous vous remercions de (?:bien vouloir )?)(?:enregistrer|prendre en compte|prendre en charge|traiter|saisir) (?:notre|ma|la|cette|le|nos|les) (?:nouvelle |nouveau )?(?:commande|cde|bc|bon de commande|bons de commande|commandes)\b|\b(?:please|kindly|pls|could you|can you)(?: please)? (?:log|register|enter|book in|record|take) (?:our|my|the|this|the following|the attached|the below) (?:new )?(?:order|po|purchase order|orders)\b/,
  new RegExp(`\\b(?:commande|cde|cmde) ${CODE}\\b`),
  /\b(?:pour|a) livr(?:er|aison) (?:le|pour|avant|des|sous|au plus vite|lundi|mardi|mercredi|jeudi|vendredi|samedi|demain|la semaine|cette semaine|semaine)\b/,
  /\blivraison (?:souhaitee |demandee |imperative |svp |si possible )?(?:le |pour |avant |des |sous |au plus tard )?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|demain|\d|la semaine|semaine|fin|debut|asap|au plus vite|des que possible|urgente?)\b/,
  // "Pour mardi :", "pr samedi svp : 8 sachets …" (texted, "pr" for "pour"): the day the goods are wanted for, first.
  new RegExp(`^(?:\\w+ ){0,3}(?:pour|pr|avant) (?:le |la )?${DAY}`),
  // "2 more of the chairs please", "4 boîtes de gants M svp", "a few bits please:": goods asked for in a word.
  /(?:\b\d+|\b(?:a|one|two|three|four|five|six|ten|twelve|a dozen|un|une|deux|trois|quatre|cinq|six|dix|douze)\b)(?: [a-z]+){1,8} (?:please|pls|svp|s il vous plait|stp)$|\b(?:please|svp|s il vous plait) ?$/,
  // "10 cartons 60x40x40 pour vendredi svp, même adresse", "6 rolls of tape for Friday please": goods counted, the day
  // they are wanted and the polite word, with more said after it.
  new RegExp(`(?:\\b\\d+|\\b(?:a|one|two|three|four|five|six|ten|twelve|a dozen|un|une|deux|trois|quatre|cinq|six|dix|douze)\\b)(?: [a-z0-9]+){1,8} (?:pour|pr|for|by|avant|before) (?:le |la |the )?${DAY} (?:svp|stp|please|pls|s il vous plait)\\b`),
  // Our rep passing on an order taken at a visit or on the phone: "à saisir svp", "pls key in", "il me dicte".
  KEY_IN,
  /\b(?:bon pour accord|je valide|nous validons|vous pouvez (?:la |le )?lancer|on refait la meme|meme commande que|renouveler (?:la|notre) commande)\b/
]

/** A subject that labels the mail an order ("Commande semaine 49", "Order for Goods In", "PO 4471"): a weak act. */
const ORDER_SUBJECT = /^(?:new |nouvelle |urgent |urgente |weekly |repeat )?(?:commande|cde|bon de commande|order|purchase order|po|reassort|restock)\b/

/** A heading naming what the goods below are for: "pour l'accueil", "pour le chantier de Pessac", "for the new shop". */
const LIST_FOR = /^(?:(?:et|and|puis|then|also|aussi) )?(?:pour|for) (?:l |le |la |les |the |our |notre |nos |mon |ma |mes |my |this |ce |cette |cet )?[a-z]+(?: [a-z]+){0,5}$/
/** …unless it heads a price, a month's or year's usual quantities, a forecast: "pour janvier :", "for your quote:". */
const LIST_FOR_NOT = /\b(?:info\w*|information|record|reference|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|january|february|march|april|may|june|july|august|september|october|november|december|month|mois|year|annee|an|week|semaine|usual|habitude|comparison|comparaison)\b/
/** What a sentence asks to know rather than to receive. */
const INFO = /\b(?:prices?|pricing|rates?|costs?|tarifs?|prix|lead ?times?|delais?|availability|disponibilites?|in stock|en stock|quotes?|quotation|devis|cotation|catalog(?:ue)?|brochure|samples?|echantillons?|how much|combien|how long|when can|quand pourriez|quand pouvez)\b/
/** A price named as the terms of the goods asked for: "at the usual price", "au prix du devis". */
const TERMS = /\b(?:at|au|a|aux|for) (?:the |your |our |votre |notre |le |les )?(?:usual |same |quoted |agreed |current |normal |meme |habituel )?(?:prices?|rates?|prix|tarifs?)\b/g
/** Asking to be told something: "let me know the price please", "merci de m'indiquer le délai". */
const ASKS_TO_KNOW = /\b(?:let (?:me|us) know|tell (?:me|us)|advise|inform|indiquer|indiquez|communiquer|communiquez|connaitre|savoir|confirm (?:the|your) (?:price|cost|lead|availability))\b/
/** A hypothesis: the act holds only if something else does ("if you can do 20 at that price, we'd order"). */
const CONDITION = /\b(?:if|si|provided|assuming|as long as|pourvu qu|a condition qu|au cas ou|in case)\b(?! (?:possible|possible|needed|necessary|necessaire|besoin|not|non|pas|any|so|you can|you could|vous pouvez|vous le pouvez|c est possible|(?:it|they|this|these) (?:can|could) (?:be|come|arrive|go)))/
/** The buying verb itself in the conditional or the future: an order to come, not this one. */
const HYPOTHETICAL =
  /\b(?:(?:we|i) (?:d|would|might|could|will|ll|shall|are going to|am going to|plan to|intend to|expect to|hope to) (?:probably |then |likely |also )?(?:order|place (?:an|the|our) order|buy|go ahead)|commanderi?(?:ons|ez|ai|ais|ait|ions)|prendri(?:ons|ais|ez)|passeri?(?:ons|ai|ais|ions) (?:la |une |notre )?commande|(?:nous|je) (?:allons|vais|comptons|compte|prevoyons|prevois|pensons|pense|envisageons|envisage) (?:vous )?(?:commander|passer (?:une |la |notre )?commande))\b/
/**
 * Saying not to send, or not yet ("don't ship twice", a warning against a duplicate, holds nothing back; nor does "je n'ai pas
 * encore de compte chez vous", "not yet a customer": a new buyer's account, not the order, is what is yet to come; nor
 * "hold off on the chairs": one product held back, the rest of the order goes; nor "please don't send it to Canal
 * Street", "please don't send anything to the Mill Lane office", "ne pas livrer au siège": where the goods go, not
 * whether, as is "please don't send goods there" under the invoices' box, "ne rien livrer là-bas"; nor "please don't wait for it": told not to wait; nor "pas plus tard que vendredi": a deadline, as "au plus
 * tard" is).
 */
const NOT_NOW =
  /\b(?:(?:do not|don t|dont|please don t|no need to) (?:send|ship|deliver|dispatch|process|order)(?! (?:it |them |this |these |the order |the goods |goods |(?:any |the )?freight |(?:any |the )?deliveries |(?:any |the )?parcels |the lot |everything |anything |any of it )?(?:(?:to|at|via) (?!(?:us|me)\b)|there\b|(?:on )?(?:a |the )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b|(?:on |at )?(?:the )?weekends?\b)| (?:it |them |this |the order |anything )?(?:twice|again|double|in duplicate|a second time|two times|(?:before|until|till|prior to) (?:the |le |la |l )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|\d|next|la semaine|la rentree|rentree|date|day|jour|end of|fin|debut|early|mid|january|february|march|april|may|june|july|august|september|october|november|december|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)))|(?:ne|n) (?:pas|rien) (?:envoyer|livrer|expedier|commander)(?! (?:a|au|aux|chez|sur) | (?:de marchandises? )?la bas\b| (?:le |les )?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)s?\b| (?:le |les |en )?(?:week ?ends?|matin|apres midi)\b| (?:deux fois|en double|a nouveau|une seconde fois|(?:avant|jusqu au|jusqu a) (?:the |le |la |l )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|\d|next|la semaine|la rentree|rentree|date|day|jour|end of|fin|debut|early|mid|january|february|march|april|may|june|july|august|september|october|november|december|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)))|n (?:envoyez|expediez|livrez|commandez) (?:pas|rien)(?! (?:de marchandises? )?la bas\b)|ne (?:rien )?(?:nous )?(?:envoyez|livrez|expediez) (?:pas|rien)|not (?:yet(?! (?:a customer|a client|an account|set up|registered|opened|with you|on your books))|now|for now)|pas (?:encore(?! (?:le|la|les|l|mon|ma|mes|notre|nos|son|sa|ses|leur|leurs|un|une|de compte|d compte|client|cliente|clients|ouvert|enregistree?s?|chez vous)\b)|tout de suite|pour l instant|pour le moment|maintenant)|hold off(?! on (?:the|those|these|our) (?!(?:order|orders|purchase|po|delivery|deliveries|shipment|dispatch|whole|lot|rest|goods|items)\b)[a-z]+)|on hold|en attente|(?<!\b(?:don t|dont|do not|no need to|needn t) )wait (?:for|until)|(?<!\b(?:au|pas) )plus tard|later on|in due course|en temps voulu)\b/
/** "Adresse de facturation (ne pas livrer) : BP 482 …", "Billing address (do not deliver)": where not to deliver, not whether. */
const BILLED_NOT_DELIVERED = /\b(?:facturation|billing|invoicing|invoice|bill to)(?: address| postale)? (?:ne pas|do not|don t|not to) (?:livrer|deliver|ship|send)\b/g
/** Written to inform, not to ask: "pour info, l'inventaire de la réserve…", "FYI, this is what we used". */
const FOR_INFO = /\b(?:pour info(?:rmation)?|pour votre information|a titre (?:indicatif|d information)|pour memoire|fyi|for (?:your )?info(?:rmation)?|for the record|just so you know|for reference)\b/
/**
 * "For your information, this is the order I am placing with …" (the sender telling a colleague in copy what it
 * orders): the sentence names the order being placed, no mere information.
 */
const PLACING_NOW = /\b(?:(?:this|here) is (?:the|our|my) order (?:i|we) (?:am|are|m|re) (?:placing|sending|putting in)|(?:voici|c est) (?:la|notre|ma) commande que (?:je|nous) (?:passe|passons|vous passe|vous passons|envoie|envoyons))\b/
/** A message passed on: who orders from whom is not the sender's to say (a supplier's offer forwarded, a colleague's list). */
const FORWARDED = /^\s*(?:tr|fw|fwd|wg|transfert)\s*:/i

/** Our question asks what to deliver, how many, where or when: "combien de rouleaux ?", "Which size?", "Pour quelle date ?". */
const ORDER_QUESTION = /\b(?:combien|nombre|quantites?|tailles?|how many|quantit(?:y|ies)|sizes?|which (?:one|size|colour|color|model)|quel(?:le)?s? (?:taille|modele|date|jour|adresse)|date|jour|day|livraison|livrer|delivery|deliver)\b/

/** A phone's spellings of "you" and "your" ("can u send", "ur usual"), read as the words. */
const TEXTING = (folded: string): string => folded.replace(/\bu\b/g, "you").replace(/\bur\b/g, "your")

/** The mail's sentences, folded, with whether each asked a question. */
function sentences(text: string): { folded: string; question: boolean; raw: string }[] {
  return text
    // An answer written under our quoted question ("Les sacs : 50 L ou 110 L ? : 110 L, 4 rouleaux", mail-body.ts): the
    // question is ours, only the answer is the sender's.
    .replace(INLINE_ANSWER, "$2")
    // "P.O. Number: …", "e.g. 4 boxes": a dotted abbreviation ends no sentence.
    .split(/(?<=[.!?;])(?<!\b[A-Za-z]\.[A-Za-z]\.)\s+|\n+/)
    .map((raw) => raw.trim())
    .filter((raw) => raw !== "")
    .map((raw) => ({ raw, folded: TEXTING(foldText(raw)), question: /\?\s*$/.test(raw) }))
}

/** The act in one sentence, unless the sentence itself takes it back (it asks a price, or makes it a hypothesis). */
function actIn(s: { folded: string; question: boolean }): string | null {
  for (const re of ACTS) {
    const m = re.exec(s.folded)
    if (m === null || (re === LIST_FOR_DAY && s.question)) continue
    // "Could you send me your prices for…?", "pouvez-vous me faire parvenir un devis": information, not goods (a
    // price named as the terms, "at the usual price", is no question).
    const after = s.folded.slice(m.index + m[0].length).split(" ").slice(0, 7).join(" ")
    const info = INFO.test(s.folded.replace(TERMS, " "))
    if ((info && (s.question || ASKS_TO_KNOW.test(s.folded))) || INFO.test(after.replace(TERMS, " "))) continue
    // "If you can do 20 at that price, we'd order": the act depends on the answer.
    const before = s.folded.slice(0, m.index + m[0].length)
    if (CONDITION.test(before) || HYPOTHETICAL.test(s.folded)) continue
    return m[0]
  }
  return null
}

/** Reads a mail the rules took for an order: the explicit act it carries, if any, and what leaves it in doubt. */
export function readOrderAct(input: OrderActInput): OrderActReading {
  const own = input.bodies.flatMap(sentences)
  const attached = input.attachments.flatMap(sentences)
  const subject = foldText(input.subject.replace(/^\s*(?:(?:re|r[ée]f|aw|sv|tr|fw|fwd|wg)\s*:\s*)+/i, ""))
  const replyOrForward = /^\s*(?:re|r[ée]f|aw|sv|tr|fw|fwd|wg)\s*:/i.test(input.subject)
  let act: string | null = null
  for (const s of own) {
    const found = actIn(s)
    if (found !== null) act ??= inRaw(s.raw, found)
  }
  // "Pour l'accueil de la clinique :", "For the workshop:" over a list of quantities: what the goods are for, then the
  // goods, the way a terse buyer orders (a price, a month or "usual" in the heading makes it something else).
  for (let i = 0; i + 1 < own.length && act === null; i++) {
    const s = own[i]!
    if (/:\s*$/.test(s.raw) && LIST_FOR.test(s.folded) && !LIST_FOR_NOT.test(s.folded) && !INFO.test(s.folded) && /^\d+\s*(?:x\s*)?\p{L}/u.test(own[i + 1]!.raw)) act = s.raw.replace(/\s*:\s*$/, "")
  }
  // An attached purchase order is the act itself: its title or number, read in the document.
  for (const s of attached) act ??= /\b(?:purchase order|bon de commande|order form|commande n|po (?:no|number|n)|order (?:no|number|ref|reference)|ref(?:erence)? (?:de )?commande)\b/.exec(s.folded)?.[0] ?? null
  if (act === null && input.acceptsQuoted === true) act = "accepts what it quotes"
  // Our questions to prepare the order answered one by one in the quote ("combien de rouleaux ? : 4 rouleaux", "Pour
  // quelle date ? : mardi 8"): at least two answers, one of them a figure, to questions about what, how many or when.
  const answers = input.bodies.flatMap((b) => [...b.matchAll(INLINE_ANSWER)])
  if (act === null && answers.length >= 2 && answers.some((m) => ORDER_QUESTION.test(foldText(m[1]!))) && answers.some((m) => /\d/.test(m[2]!))) act = "answers our questions about the order"
  // A subject labelling the mail an order is the weakest act: it holds only where nothing in the text doubts it.
  const weak = act === null && !replyOrForward && ORDER_SUBJECT.test(subject)
  if (weak) act = `subject: ${input.subject.trim()}`

  const doubts = new Set<string>()
  for (const s of own) {
    const not = NOT_NOW.exec(s.folded.replace(BILLED_NOT_DELIVERED, " ")) ?? (PLACING_NOW.test(s.folded) ? null : FOR_INFO.exec(s.folded.replace(OTHERS_IN_COPY, " ")))
    if (not !== null) doubts.add(inRaw(s.raw, not[0]))
    const hyp = HYPOTHETICAL.exec(s.folded)
    if (hyp !== null && actIn(s) === null) doubts.add(inRaw(s.raw, hyp[0]))
    // A question about price, lead time or stock beside a bare list: the mail may be asking, not ordering.
    if (s.question && INFO.test(s.folded) && (weak || act === null)) doubts.add(s.raw.length > 120 ? `${s.raw.slice(0, 117)}…` : s.raw)
  }
  // The subject is the mail's own words for it ("Fwd: supplies for the new site").
  if (FORWARDED.test(input.subject) && own.every((s) => actIn(s) === null)) doubts.add(input.subject.trim())
  return { act, doubts: [...doubts] }
}

/**
 * The words of the raw sentence a folded match came from ("don t send" → "don't send", "a livrer" → "à livrer"), so
 * the review shows the mail's own spelling; the folded words when they cannot be found.
 */
export function inRaw(raw: string, folded: string): string {
  const bare = raw.normalize("NFD").replace(/\p{M}/gu, "")
  // Removing accents keeps one character per letter for the usual precomposed letters, so indexes carry over.
  if (bare.length !== raw.normalize("NFC").length) return folded
  const words = folded.split(" ").map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
  const m = new RegExp(`(?<![\\p{L}\\p{N}])${words.join("[^\\p{L}\\p{N}]+")}(?![\\p{L}\\p{N}])`, "iu").exec(bare)
  return m === null ? folded : raw.normalize("NFC").slice(m.index, m.index + m[0].length)
}

/** The three outcomes: what the rules rejected stays rejected; what they took is proposed only with an act and no doubt. */
export function decideOrder(isOrder: boolean, reading: OrderActReading): OrderDecision {
  if (!isOrder) return "not-order"
  return reading.act !== null && reading.doubts.length === 0 ? "order" : "ask"
}

/**
 * The act as the mail's own words, to quote to the agent (the review and the page's panel): "" when the mail has
 * none, or only a subject that labels it an order, or the extractor's reading that it accepts what it quotes.
 */
export function quotableAct(act: string | undefined): string {
  return act === undefined || act.startsWith("subject: ") || act === "accepts what it quotes" || act === "answers our questions about the order" ? "" : act
}
