import type { CallScriptInput } from "../script.schema"
import { both } from "./text"

export const orderTaking: CallScriptInput = {
  id: "builtin-order-taking",
  builtin: true,
  purpose: "order-taking",
  direction: "any",
  name: both("Prise de commande par téléphone", "Taking an order by phone"),
  start: "identify",
  steps: [
    {
      id: "identify",
      title: both("Identification et compte", "Customer and account"),
      prompt: both(
        "Confirmez la société ({{customer.company}}, code {{customer.code}}) et l'interlocuteur. Regardez le risque client : en cas d'encours dépassé ou de factures en retard, l'accord d'un responsable sera nécessaire.",
        "Confirm the company ({{customer.company}}, code {{customer.code}}) and the contact. Look at the customer risk: over the limit or with overdue invoices, a manager must approve."
      ),
      choices: [
        { id: "ok", label: both("Compte en règle", "Account in order"), next: "lines" },
        { id: "blocked", label: both("Compte bloqué", "Account blocked"), next: "blocked" }
      ]
    },
    {
      id: "blocked",
      title: both("Compte bloqué", "Account blocked"),
      prompt: both(
        "Restez factuel : « Je vois des factures en attente de règlement ; je prends votre commande et la fais valider par mon responsable. » Proposez de régulariser (date de paiement).",
        "Stay factual: “I can see invoices awaiting payment; I'll take your order and have my manager approve it.” Offer to settle (a payment date)."
      ),
      choices: [
        { id: "continue", label: both("Prendre la commande pour validation", "Take the order for approval"), next: "lines" },
        { id: "stop", label: both("Pas de commande", "No order"), next: null, outcome: "information-given" }
      ]
    },
    {
      id: "lines",
      title: both("Articles", "Items"),
      prompt: both(
        "Pour chaque article : référence (ou désignation), quantité, unité (carton, boîte, pièce). Répétez chaque ligne. Signalez tout article hors stock avec sa date de disponibilité.",
        "For each item: reference (or description), quantity, unit (carton, box, piece). Repeat each line. Flag anything out of stock with its availability date."
      ),
      checklist: [{ id: "stock", label: both("Stock vérifié pour chaque ligne", "Stock checked for each line") }],
      choices: [{ id: "next", label: both("Lignes saisies", "Lines entered"), next: "delivery" }]
    },
    {
      id: "delivery",
      title: both("Livraison", "Delivery"),
      prompt: both(
        "Référence de commande client, adresse de livraison (quai, horaires), date souhaitée, contact sur place.",
        "Customer order reference, delivery address (dock, opening hours), requested date, contact on site."
      ),
      checklist: [
        { id: "po", label: both("N° de commande client", "Customer order number") },
        { id: "address", label: both("Adresse confirmée", "Address confirmed") },
        { id: "date", label: both("Date confirmée", "Date confirmed") }
      ],
      choices: [{ id: "next", label: both("Récapituler", "Read it back"), next: "recap" }]
    },
    {
      id: "recap",
      title: both("Récapitulatif", "Read-back"),
      prompt: both(
        "« Je récapitule : … lignes, total HT de …, livraison le … à … Vous recevrez la confirmation par e-mail. Je valide ? »",
        "“Let me read it back: … lines, total excl. VAT …, delivery on … to … You will receive the confirmation by email. Shall I confirm?”"
      ),
      choices: [
        { id: "confirm", label: both("Confirmée", "Confirmed"), next: "close", outcome: "order-taken" },
        { id: "change", label: both("Modifier", "Change"), next: "lines" },
        { id: "quote-first", label: both("Veut d'abord un devis", "Wants a quote first"), next: "close", outcome: "quote-requested" }
      ]
    },
    {
      id: "close",
      title: both("Conclusion", "Close"),
      prompt: both("« Merci pour votre commande, {{contact.first_name}}. Bonne journée ! »", "“Thank you for your order, {{contact.first_name}}. Have a good day!”"),
      choices: [{ id: "end", label: both("Fin de l'appel", "End of call"), next: null }]
    }
  ],
  objections: [
    {
      id: "out-of-stock",
      label: both("Article en rupture", "Item out of stock"),
      response: both(
        "Annoncez la date de disponibilité ; proposez un équivalent en stock ou une livraison en deux fois sans frais supplémentaires si la politique le permet.",
        "Give the availability date; offer an equivalent in stock or a split delivery at no extra cost where policy allows."
      )
    },
    {
      id: "price-changed",
      label: both("« Le prix a augmenté »", "“The price has gone up”"),
      response: both(
        "Expliquez la raison (tarif fournisseur, matière) et la date du changement ; proposez le conditionnement le plus avantageux.",
        "Explain why (supplier price list, raw materials) and since when; suggest the most economical pack size."
      )
    }
  ]
}
