import type { CallScriptInput } from "../script.schema"
import { both } from "./text"

export const paymentReminder: CallScriptInput = {
  id: "builtin-payment-reminder",
  builtin: true,
  purpose: "payment-reminder",
  direction: "outbound",
  name: both("Relance d'impayé", "Overdue payment reminder"),
  start: "reach",
  steps: [
    {
      id: "reach",
      title: both("Joindre la comptabilité", "Reach accounts payable"),
      prompt: both(
        "« {{greeting}}, {{agent.name}} de {{agent.company}}. Je souhaiterais parler à la personne qui règle les factures fournisseurs de {{customer.company}}. »",
        "“{{greeting}}, {{agent.name}} from {{agent.company}}. I'd like to speak to whoever pays supplier invoices at {{customer.company}}.”"
      ),
      choices: [
        { id: "reached", label: both("En ligne", "On the line"), next: "facts" },
        { id: "voicemail", label: both("Messagerie", "Voicemail"), next: null, outcome: "voicemail" },
        { id: "no-answer", label: both("Pas de réponse", "No answer"), next: null, outcome: "no-answer" }
      ]
    },
    {
      id: "facts",
      title: both("Les faits", "The facts"),
      prompt: both(
        "Courtois et factuel : « Je vous appelle au sujet de la facture {{invoice.number}} de {{invoice.amount_due}}, échue le {{invoice.due_date}}, soit {{invoice.days_overdue}} jours de retard. Pouvez-vous me dire où en est son règlement ? »",
        "Polite and factual: “I'm calling about invoice {{invoice.number}} for {{invoice.amount_due}}, due on {{invoice.due_date}}, now {{invoice.days_overdue}} days overdue. Could you tell me where its payment stands?”"
      ),
      choices: [
        { id: "not-received", label: both("Facture non reçue", "Invoice not received"), next: "resend" },
        { id: "dispute", label: both("Litige", "Dispute"), next: "dispute" },
        { id: "cash", label: both("Difficulté de trésorerie", "Cash-flow difficulty"), next: "plan" },
        { id: "already-paid", label: both("Déjà payée", "Already paid"), next: "paid" },
        { id: "will-pay", label: both("Oubli, va payer", "Overlooked, will pay"), next: "promise" }
      ]
    },
    {
      id: "resend",
      title: both("Renvoi de la facture", "Resend the invoice"),
      prompt: both(
        "Vérifiez l'adresse e-mail de facturation et renvoyez la facture pendant l'appel. Obtenez une date de paiement.",
        "Check the billing email address and resend the invoice during the call. Get a payment date."
      ),
      choices: [{ id: "sent", label: both("Renvoyée", "Resent"), next: "promise" }]
    },
    {
      id: "dispute",
      title: both("Litige", "Dispute"),
      prompt: both(
        "Notez précisément l'objet (lignes, quantités, qualité, livraison). Proposez de régler la partie non contestée. Annoncez un retour sous 48 h après vérification.",
        "Note exactly what is disputed (lines, quantities, quality, delivery). Ask them to pay the undisputed part. Promise an answer within 48 hours after checking."
      ),
      choices: [{ id: "noted", label: both("Litige noté", "Dispute noted"), next: "close", outcome: "call-back" }]
    },
    {
      id: "plan",
      title: both("Échéancier", "Payment plan"),
      prompt: both(
        "Proposez un échéancier court (2 à 3 versements), avec des dates et montants précis, confirmé par écrit. Les nouvelles commandes attendront la régularisation.",
        "Offer a short plan (2 or 3 instalments) with exact dates and amounts, confirmed in writing. New orders wait until it is settled."
      ),
      choices: [
        { id: "agreed", label: both("Échéancier accepté", "Plan agreed"), next: "close", outcome: "call-back" },
        { id: "refused", label: both("Refus", "Refused"), next: "close", outcome: "not-interested" }
      ]
    },
    {
      id: "paid",
      title: both("Paiement annoncé", "Payment claimed"),
      prompt: both(
        "Demandez la date, le montant, le moyen de paiement et la référence du virement, pour le rapprocher.",
        "Ask for the date, amount, payment method and transfer reference, to match it."
      ),
      choices: [{ id: "noted", label: both("Références notées", "Details noted"), next: "close", outcome: "information-given" }]
    },
    {
      id: "promise",
      title: both("Engagement de paiement", "Payment commitment"),
      prompt: both(
        "Obtenez une date ferme et le moyen de paiement : « Je note un virement le … ; je vous le confirme par e-mail. »",
        "Get a firm date and payment method: “I'm noting a transfer on …; I'll confirm it by email.”"
      ),
      checklist: [
        { id: "date", label: both("Date de paiement ferme", "Firm payment date") },
        { id: "method", label: both("Moyen de paiement", "Payment method") }
      ],
      choices: [{ id: "committed", label: both("Engagement obtenu", "Commitment obtained"), next: "close", outcome: "call-back" }]
    },
    {
      id: "close",
      title: both("Conclusion", "Close"),
      prompt: both(
        "Récapitulez l'engagement et la date de votre prochain contact si le paiement n'arrive pas. Remerciez.",
        "Sum up the commitment and when you will be in touch again if the payment does not arrive. Thank them."
      ),
      choices: [{ id: "end", label: both("Fin de l'appel", "End of call"), next: null }]
    }
  ],
  objections: [
    {
      id: "ninety-days",
      label: both("« Nous payons à 90 jours »", "“We pay at 90 days”"),
      response: both(
        "Rappelez calmement que le délai légal est de 60 jours date de facture ou 45 jours fin de mois (Code de commerce, L441-10), et que nos conditions figurent sur la facture.",
        "Explain calmly that French law caps payment terms at 60 days from the invoice date or 45 days end of month (Commercial Code L441-10), and that our terms are on the invoice."
      )
    },
    {
      id: "accountant-away",
      label: both("« Le comptable est absent »", "“The accountant is away”"),
      response: both(
        "« Qui peut valider le paiement en son absence ? » Sinon, fixez un rappel à son retour et envoyez un e-mail récapitulatif.",
        "“Who can approve the payment while they're away?” If nobody, set a call-back for their return and send a summary email."
      )
    },
    {
      id: "penalties",
      label: both("« Vous allez nous facturer des pénalités ? »", "“Will you charge penalties?”"),
      response: both(
        "Les pénalités et l'indemnité de 40 € sont prévues par la loi et nos conditions ; l'objectif de l'appel est de régler la situation rapidement.",
        "Penalties and the €40 recovery fee are set by law and in our terms; the aim of this call is to settle things quickly."
      )
    }
  ]
}
