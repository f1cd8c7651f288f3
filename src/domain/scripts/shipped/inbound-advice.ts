import type { CallScriptInput } from "../script.schema"
import { both } from "./text"

export const inboundAdvice: CallScriptInput = {
  id: "builtin-inbound-advice",
  builtin: true,
  purpose: "inbound-advice",
  direction: "inbound",
  name: both("Appel entrant : accueil et conseil", "Inbound call: welcome and advice"),
  start: "welcome",
  steps: [
    {
      id: "welcome",
      title: both("Accueil", "Welcome"),
      prompt: both(
        "« {{greeting}}, {{agent.company}}, {{agent.name}} à votre écoute ! » Laissez le client se présenter. Si la fiche s'est ouverte : « {{greeting}} {{contact.first_name}}, je vous écoute. »",
        "“{{greeting}}, {{agent.company}}, {{agent.name}} speaking!” Let the caller introduce themselves. If the card opened: “Hello {{contact.first_name}}, how can I help?”"
      ),
      checklist: [{ id: "identity", label: both("Société et interlocuteur confirmés ({{customer.company}})", "Company and contact confirmed ({{customer.company}})") }],
      choices: [
        { id: "product", label: both("Renseignement produit", "Product question"), next: "discover" },
        { id: "order", label: both("Passer commande", "Place an order"), next: "order" },
        { id: "delivery", label: both("Suivi de livraison", "Delivery follow-up"), next: "delivery" },
        { id: "invoice", label: both("Question de facture", "Invoice question"), next: "invoice" },
        { id: "complaint", label: both("Réclamation", "Complaint"), next: "complaint" }
      ]
    },
    {
      id: "discover",
      title: both("Découverte du besoin", "Understand the need"),
      prompt: both(
        "Questions ouvertes : « Pour quel usage ? Quelles quantités, à quelle fréquence ? Des contraintes (normes, délais, budget) ? Qu'utilisez-vous aujourd'hui ? » Reformulez avant de conseiller.",
        "Open questions: “What will you use it for? What quantities, how often? Any constraints (standards, lead times, budget)? What do you use today?” Sum up before you advise."
      ),
      checklist: [
        { id: "usage", label: both("Usage et contraintes notés", "Use and constraints noted") },
        { id: "volume", label: both("Quantités et fréquence notées", "Quantities and frequency noted") }
      ],
      choices: [{ id: "advise", label: both("Besoin clair : conseiller", "Need is clear: advise"), next: "advise" }]
    },
    {
      id: "advise",
      title: both("Conseil et proposition", "Advice and proposal"),
      prompt: both(
        "Proposez le produit adapté et un seul argument par besoin exprimé (caractéristique → avantage → bénéfice). Vérifiez le prix, le stock et le délai avant de les annoncer.",
        "Suggest the right product with one argument per need voiced (feature → advantage → benefit). Check price, stock and lead time before you quote them."
      ),
      choices: [
        { id: "quote", label: both("Souhaite un devis", "Wants a quote"), next: "close", outcome: "quote-requested" },
        { id: "order-now", label: both("Commande tout de suite", "Orders now"), next: "order" },
        { id: "thinking", label: both("Réfléchit", "Needs time"), next: "close", outcome: "call-back" },
        { id: "info-only", label: both("Information suffisante", "Has the information"), next: "close", outcome: "information-given" }
      ]
    },
    {
      id: "order",
      title: both("Prise de commande", "Take the order"),
      prompt: both(
        "Pour chaque article : référence, désignation, quantité et unité. Demandez la référence de commande du client et l'adresse de livraison. Regardez le risque client affiché avant de confirmer.",
        "For each item: reference, description, quantity and unit. Ask for the customer's order reference and the delivery address. Check the customer risk shown before confirming."
      ),
      checklist: [
        { id: "po", label: both("N° de commande client noté", "Customer order number noted") },
        { id: "address", label: both("Adresse et date de livraison confirmées", "Delivery address and date confirmed") }
      ],
      choices: [{ id: "recap", label: both("Récapituler", "Read it back"), next: "order-recap" }]
    },
    {
      id: "order-recap",
      title: both("Récapitulatif", "Read-back"),
      prompt: both(
        "« Je récapitule : … (articles, quantités, prix HT, livraison le …). Vous recevrez la confirmation par e-mail. C'est bien cela ? »",
        "“Let me read it back: … (items, quantities, prices excl. VAT, delivery on …). You will get the confirmation by email. Is that right?”"
      ),
      choices: [
        { id: "confirmed", label: both("Confirmé", "Confirmed"), next: "close", outcome: "order-taken" },
        { id: "change", label: both("À corriger", "Needs a change"), next: "order" }
      ]
    },
    {
      id: "delivery",
      title: both("Suivi de livraison", "Delivery follow-up"),
      prompt: both(
        "Demandez le numéro de commande ou la date. Donnez le statut et la date prévue ; si un retard est avéré, dites-le et proposez une solution (livraison partielle, article équivalent).",
        "Ask for the order number or date. Give the status and the expected date; if it is late, say so and offer a way out (partial delivery, an equivalent item)."
      ),
      choices: [
        { id: "answered", label: both("Réponse donnée", "Answered"), next: "close", outcome: "information-given" },
        { id: "check-back", label: both("À vérifier, rappeler", "To check, call back"), next: "close", outcome: "call-back" }
      ]
    },
    {
      id: "invoice",
      title: both("Question de facture", "Invoice question"),
      prompt: both(
        "Demandez le numéro de facture. Expliquez le montant ligne par ligne ; en cas d'erreur avérée, annoncez un avoir (une facture émise ne se modifie pas).",
        "Ask for the invoice number. Explain the amount line by line; if there is a real mistake, announce a credit note (an issued invoice is never changed)."
      ),
      choices: [
        { id: "explained", label: both("Expliquée", "Explained"), next: "close", outcome: "information-given" },
        { id: "credit-note", label: both("Avoir à émettre", "Credit note needed"), next: "close", outcome: "call-back" }
      ]
    },
    {
      id: "complaint",
      title: both("Réclamation", "Complaint"),
      prompt: both(
        "Écoutez sans interrompre, puis reformulez : « Si je comprends bien, … ». Excusez-vous pour la gêne, sans reconnaître de faute avant vérification. Engagez-vous sur une action et un délai précis.",
        "Listen without interrupting, then sum up: “If I understand correctly, …”. Apologise for the trouble without admitting fault before checking. Commit to one action and a precise time."
      ),
      checklist: [{ id: "facts", label: both("Faits notés (commande, date, produit, photos)", "Facts noted (order, date, product, photos)") }],
      choices: [
        { id: "solved", label: both("Résolue pendant l'appel", "Solved on the call"), next: "close", outcome: "information-given" },
        { id: "follow-up", label: both("Suivi nécessaire", "Needs follow-up"), next: "close", outcome: "call-back" }
      ]
    },
    {
      id: "close",
      title: both("Conclusion", "Close"),
      prompt: both(
        "Récapitulez la prochaine étape et qui la fait, à quelle date. « Merci de votre appel {{contact.first_name}}, bonne journée ! »",
        "Sum up the next step, who does it and by when. “Thank you for calling, {{contact.first_name}}, have a good day!”"
      ),
      choices: [{ id: "end", label: both("Fin de l'appel", "End of call"), next: null }]
    }
  ],
  objections: [
    {
      id: "price",
      label: both("« C'est trop cher »", "“It's too expensive”"),
      response: both(
        "« Par rapport à quoi ? » Faites préciser. Ramenez au coût d'usage (durée de vie, consommation, temps gagné) ; proposez un conditionnement plus grand ou une alternative de gamme plutôt qu'une remise immédiate.",
        "“Compared with what?” Get the detail. Bring it back to the cost in use (lifetime, consumption, time saved); offer a larger pack or another item in the range rather than an immediate discount."
      )
    },
    {
      id: "lead-time",
      label: both("« Le délai est trop long »", "“The lead time is too long”"),
      response: both(
        "Demandez la date réellement nécessaire. Proposez une livraison partielle de ce qui est en stock, ou un article équivalent disponible.",
        "Ask for the date they really need. Offer a partial delivery of what is in stock, or an equivalent item available now."
      )
    },
    {
      id: "send-doc",
      label: both("« Envoyez-moi une documentation »", "“Send me some documentation”"),
      response: both(
        "« Avec plaisir. Pour vous envoyer la bonne, c'est pour quel usage ? » Convenez d'un rappel à date fixe pour en parler.",
        "“Gladly. So I send the right one, what is it for?” Agree on a call-back at a set date to discuss it."
      )
    }
  ]
}
