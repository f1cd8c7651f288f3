import type { CallScriptInput } from "../script.schema"
import { both } from "./text"

export const outboundProspecting: CallScriptInput = {
  id: "builtin-outbound-prospecting",
  builtin: true,
  purpose: "outbound-prospecting",
  direction: "outbound",
  name: both("Prospection téléphonique", "Outbound prospecting call"),
  start: "reach",
  steps: [
    {
      id: "reach",
      title: both("Joindre le décideur", "Reach the decision-maker"),
      prompt: both(
        "« {{greeting}}, {{agent.name}} de {{agent.company}}. Pourriez-vous me passer la personne qui s'occupe des achats de fournitures, s'il vous plaît ? »",
        "“{{greeting}}, {{agent.name}} from {{agent.company}}. Could you put me through to whoever buys your supplies, please?”"
      ),
      choices: [
        { id: "through", label: both("Décideur en ligne", "Decision-maker on the line"), next: "hook" },
        { id: "gatekeeper", label: both("Barrage du standard", "Gatekeeper"), next: "gatekeeper" },
        { id: "voicemail", label: both("Messagerie", "Voicemail"), next: "voicemail" },
        { id: "no-answer", label: both("Pas de réponse", "No answer"), next: null, outcome: "no-answer" },
        { id: "wrong-number", label: both("Mauvais numéro", "Wrong number"), next: null, outcome: "wrong-number" }
      ]
    },
    {
      id: "gatekeeper",
      title: both("Standard", "Gatekeeper"),
      prompt: both(
        "Restez bref et assuré : « C'est au sujet de vos approvisionnements en … ; quel est le meilleur moment pour le joindre ? » Notez le nom du décideur et son poste.",
        "Stay short and sure: “It's about your supplies of …; when is the best time to reach them?” Note the decision-maker's name and role."
      ),
      choices: [
        { id: "put-through", label: both("Transféré", "Put through"), next: "hook" },
        { id: "later", label: both("Rappeler plus tard", "Call back later"), next: null, outcome: "call-back" }
      ]
    },
    {
      id: "voicemail",
      title: both("Message vocal", "Voicemail message"),
      prompt: both(
        "20 secondes : nom, société, une raison concrète d'appeler, votre numéro dicté lentement deux fois. Annoncez quand vous rappellerez.",
        "20 seconds: your name, company, one concrete reason for calling, your number said slowly twice. Say when you will call again."
      ),
      choices: [{ id: "left", label: both("Message laissé", "Message left"), next: null, outcome: "voicemail" }]
    },
    {
      id: "hook",
      title: both("Accroche", "Opening"),
      prompt: both(
        "« {{contact.first_name}}, je vous appelle car nous aidons des entreprises comme {{customer.company}} à … (gain concret). Avez-vous deux minutes ? »",
        "“{{contact.first_name}}, I'm calling because we help companies like {{customer.company}} to … (a concrete gain). Do you have two minutes?”"
      ),
      choices: [
        { id: "yes", label: both("Oui", "Yes"), next: "discover" },
        { id: "not-now", label: both("Pas maintenant", "Not now"), next: "close", outcome: "call-back" },
        { id: "no", label: both("Pas intéressé", "Not interested"), next: "close", outcome: "not-interested" }
      ]
    },
    {
      id: "discover",
      title: both("Découverte", "Discovery"),
      prompt: both(
        "« Comment vous approvisionnez-vous aujourd'hui ? Quels volumes par mois ? Qu'est-ce qui vous satisferait davantage (prix, délais, service) ? Qui d'autre décide ? »",
        "“How do you buy today? What volumes a month? What would you like better (price, lead times, service)? Who else takes part in the decision?”"
      ),
      checklist: [
        { id: "supplier", label: both("Fournisseur actuel noté", "Current supplier noted") },
        { id: "volume", label: both("Volumes notés", "Volumes noted") },
        { id: "pain", label: both("Point d'insatisfaction identifié", "Pain point found") }
      ],
      choices: [
        { id: "qualified", label: both("Besoin identifié", "Need found"), next: "propose" },
        { id: "no-need", label: both("Aucun besoin", "No need"), next: "close", outcome: "not-interested" }
      ]
    },
    {
      id: "propose",
      title: both("Proposition", "Proposal"),
      prompt: both(
        "Proposez l'étape suivante la plus engageante que le client acceptera : un rendez-vous avec {{customer.sales_rep}}, un devis chiffré, ou un échantillon.",
        "Offer the most committing next step the customer will accept: a meeting with {{customer.sales_rep}}, a priced quote, or a sample."
      ),
      // The agent is the customer's own rep: the meeting is with them, offered in their own words.
      alternatives: [
        {
          when: "agent-is-rep",
          prompt: both(
            "Proposez l'étape suivante la plus engageante que le client acceptera : un rendez-vous avec vous (« Je peux passer vous voir la semaine prochaine ? »), un devis chiffré, ou un échantillon.",
            "Offer the most committing next step the customer will accept: a meeting with you (“Shall I come and see you next week?”), a priced quote, or a sample."
          )
        }
      ],
      choices: [
        { id: "appointment", label: both("Rendez-vous pris", "Meeting booked"), next: "close", outcome: "appointment-set" },
        { id: "quote", label: both("Devis demandé", "Quote requested"), next: "close", outcome: "quote-requested" },
        { id: "order", label: both("Commande immédiate", "Orders now"), next: "close", outcome: "order-taken" },
        { id: "later", label: both("À rappeler", "Call back"), next: "close", outcome: "call-back" }
      ]
    },
    {
      id: "close",
      title: both("Conclusion", "Close"),
      prompt: both(
        "Confirmez ce qui a été convenu, la date et le moyen (e-mail de confirmation). Remerciez : « Merci de votre temps, {{contact.first_name}}. »",
        "Confirm what was agreed, the date and how (a confirmation email). Thank them: “Thank you for your time, {{contact.first_name}}.”"
      ),
      choices: [{ id: "end", label: both("Fin de l'appel", "End of call"), next: null }]
    }
  ],
  objections: [
    {
      id: "have-supplier",
      label: both("« On a déjà un fournisseur »", "“We already have a supplier”"),
      response: both(
        "« C'est normal, et vous en êtes satisfait ? Sur quel point pourrait-il faire mieux ? » Proposez d'être le second fournisseur, pour comparer sur une commande.",
        "“Of course, and are you happy with them? Where could they do better?” Offer to be the second supplier, to compare on one order."
      )
    },
    {
      id: "no-time",
      label: both("« Je n'ai pas le temps »", "“I don't have time”"),
      response: both("« Je comprends. Quand puis-je vous rappeler, plutôt mardi matin ou jeudi après-midi ? »", "“I understand. When can I call you back, Tuesday morning or Thursday afternoon?”")
    },
    {
      id: "send-email",
      label: both("« Envoyez-moi un mail »", "“Send me an email”"),
      response: both(
        "« Bien sûr. Pour qu'il vous soit utile : quel est votre principal critère de choix ? » Puis fixez un rappel.",
        "“Of course. To make it useful: what matters most when you choose?” Then set a call-back."
      )
    },
    {
      id: "too-expensive",
      label: both("« Vous êtes trop chers »", "“You're too expensive”"),
      response: both(
        "« Par rapport à quel prix, pour quel produit ? » Comparez à produit équivalent, puis au coût total (livraison, délais, retours).",
        "“Compared with which price, for which product?” Compare like for like, then the total cost (delivery, lead times, returns)."
      )
    }
  ]
}
