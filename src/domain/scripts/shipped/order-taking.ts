import type { CallScriptInput } from "../script.schema"
import { t } from "./text"

export const orderTaking: CallScriptInput = {
  id: "builtin-order-taking",
  builtin: true,
  purpose: "order-taking",
  direction: "any",
  name: t("Prise de commande par téléphone", "Taking an order by phone"),
  start: "identify",
  steps: [
    {
      id: "identify",
      title: t("Identification et compte", "Customer and account"),
      prompt: t(
        "Confirmez la société ({{customer.company}}, code {{customer.code}}) et l'interlocuteur. Regardez le risque client : en cas d'encours dépassé ou de factures en retard, l'accord d'un responsable sera nécessaire.",
        "Confirm the company ({{customer.company}}, code {{customer.code}}) and the contact. Look at the customer risk: over the limit or with overdue invoices, a manager must approve."
      ),
      choices: [
        { id: "ok", label: t("Compte en règle", "Account in order"), next: "lines" },
        { id: "blocked", label: t("Compte bloqué", "Account blocked"), next: "blocked" }
      ]
    },
    {
      id: "blocked",
      title: t("Compte bloqué", "Account blocked"),
      prompt: t(
        "Restez factuel : « Je vois des factures en attente de règlement ; je prends votre commande et la fais valider par mon responsable. » Proposez de régulariser (date de paiement).",
        "Stay factual: “I can see invoices awaiting payment; I'll take your order and have my manager approve it.” Offer to settle (a payment date)."
      ),
      choices: [
        { id: "continue", label: t("Prendre la commande pour validation", "Take the order for approval"), next: "lines" },
        { id: "stop", label: t("Pas de commande", "No order"), next: null, outcome: "information-given" }
      ]
    },
    {
      id: "lines",
      title: t("Articles", "Items"),
      prompt: t(
        "Pour chaque article : référence (ou désignation), quantité, unité (carton, boîte, pièce). Répétez chaque ligne. Signalez tout article hors stock avec sa date de disponibilité.",
        "For each item: reference (or description), quantity, unit (carton, box, piece). Repeat each line. Flag anything out of stock with its availability date."
      ),
      checklist: [{ id: "stock", label: t("Stock vérifié pour chaque ligne", "Stock checked for each line") }],
      choices: [{ id: "next", label: t("Lignes saisies", "Lines entered"), next: "delivery" }]
    },
    {
      id: "delivery",
      title: t("Livraison", "Delivery"),
      prompt: t(
        "Référence de commande client, adresse de livraison (quai, horaires), date souhaitée, contact sur place.",
        "Customer order reference, delivery address (dock, opening hours), requested date, contact on site."
      ),
      checklist: [
        { id: "po", label: t("N° de commande client", "Customer order number") },
        { id: "address", label: t("Adresse confirmée", "Address confirmed") },
        { id: "date", label: t("Date confirmée", "Date confirmed") }
      ],
      choices: [{ id: "next", label: t("Récapituler", "Read it back"), next: "recap" }]
    },
    {
      id: "recap",
      title: t("Récapitulatif", "Read-back"),
      prompt: t(
        "« Je récapitule : … lignes, total HT de …, livraison le … à … Vous recevrez la confirmation par e-mail. Je valide ? »",
        "“Let me read it back: … lines, total excl. VAT …, delivery on … to … You will receive the confirmation by email. Shall I confirm?”"
      ),
      choices: [
        { id: "confirm", label: t("Confirmée", "Confirmed"), next: "close", outcome: "order-taken" },
        { id: "change", label: t("Modifier", "Change"), next: "lines" },
        { id: "quote-first", label: t("Veut d'abord un devis", "Wants a quote first"), next: "close", outcome: "quote-requested" }
      ]
    },
    {
      id: "close",
      title: t("Conclusion", "Close"),
      prompt: t("« Merci pour votre commande, {{contact.first_name}}. Bonne journée ! »", "“Thank you for your order, {{contact.first_name}}. Have a good day!”"),
      choices: [{ id: "end", label: t("Fin de l'appel", "End of call"), next: null }]
    }
  ],
  objections: [
    {
      id: "out-of-stock",
      label: t("Article en rupture", "Item out of stock"),
      response: t(
        "Annoncez la date de disponibilité ; proposez un équivalent en stock ou une livraison en deux fois sans frais supplémentaires si la politique le permet.",
        "Give the availability date; offer an equivalent in stock or a split delivery at no extra cost where policy allows."
      )
    },
    {
      id: "price-changed",
      label: t("« Le prix a augmenté »", "“The price has gone up”"),
      response: t(
        "Expliquez la raison (tarif fournisseur, matière) et la date du changement ; proposez le conditionnement le plus avantageux.",
        "Explain why (supplier price list, raw materials) and since when; suggest the most economical pack size."
      )
    }
  ]
}
