import type { CallScriptInput } from "../script.schema"
import { both } from "./text"

export const appointmentSetting: CallScriptInput = {
  id: "builtin-appointment-setting",
  builtin: true,
  purpose: "appointment-setting",
  direction: "outbound",
  name: both("Prise de rendez-vous pour un commercial", "Booking a meeting for a sales rep"),
  start: "intro",
  steps: [
    {
      id: "intro",
      title: both("Présentation", "Introduction"),
      prompt: both(
        "« {{greeting}} {{contact.first_name}}, {{agent.name}} de {{agent.company}}. Je vous appelle de la part de {{customer.sales_rep}}, votre interlocuteur commercial. »",
        "“Hello {{contact.first_name}}, {{agent.name}} from {{agent.company}}. I'm calling on behalf of {{customer.sales_rep}}, your account manager.”"
      ),
      // The agent is the customer's own rep: they speak for themselves, not "on behalf of" themselves.
      alternatives: [
        {
          when: "agent-is-rep",
          prompt: both(
            "« {{greeting}} {{contact.first_name}}, {{agent.name}} de {{agent.company}}, votre interlocuteur commercial. »",
            "“Hello {{contact.first_name}}, {{agent.name}} from {{agent.company}}, your account manager.”"
          )
        }
      ],
      choices: [
        { id: "listening", label: both("Écoute", "Listening"), next: "reason" },
        { id: "voicemail", label: both("Messagerie", "Voicemail"), next: null, outcome: "voicemail" },
        { id: "busy", label: both("Occupé", "Busy"), next: null, outcome: "busy" }
      ]
    },
    {
      id: "reason",
      title: both("Raison du rendez-vous", "Why meet"),
      prompt: both(
        "Donnez une raison utile au client : nouveautés de gamme, bilan de l'année, conditions pour l'an prochain. « {{customer.sales_rep}} sera dans votre secteur ({{customer.city}}) la semaine prochaine. »",
        "Give a reason that helps the customer: new products, a review of the year, next year's terms. “{{customer.sales_rep}} will be in your area ({{customer.city}}) next week.”"
      ),
      alternatives: [
        {
          when: "agent-is-rep",
          prompt: both(
            "Donnez une raison utile au client : nouveautés de gamme, bilan de l'année, conditions pour l'an prochain. « Je serai dans votre secteur ({{customer.city}}) la semaine prochaine. »",
            "Give a reason that helps the customer: new products, a review of the year, next year's terms. “I'll be in your area ({{customer.city}}) next week.”"
          )
        }
      ],
      choices: [
        { id: "interested", label: both("Intéressé", "Interested"), next: "slot" },
        { id: "not-now", label: both("Pas maintenant", "Not now"), next: "close", outcome: "call-back" },
        { id: "no", label: both("Refus", "Declines"), next: "close", outcome: "not-interested" }
      ]
    },
    {
      id: "slot",
      title: both("Créneau", "Time slot"),
      prompt: both(
        "Proposez deux créneaux précis : « Mardi à 10 h ou jeudi à 14 h 30 ? » Confirmez le lieu, la durée (45 min) et les participants.",
        "Offer two precise slots: “Tuesday at 10 or Thursday at 2:30?” Confirm the place, the length (45 minutes) and who attends."
      ),
      checklist: [
        { id: "place", label: both("Lieu confirmé", "Place confirmed") },
        { id: "attendees", label: both("Participants connus", "Attendees known") }
      ],
      choices: [
        { id: "booked", label: both("Rendez-vous fixé", "Meeting set"), next: "close", outcome: "appointment-set" },
        { id: "later", label: both("À recaler", "To reschedule"), next: "close", outcome: "call-back" }
      ]
    },
    {
      id: "close",
      title: both("Conclusion", "Close"),
      prompt: both(
        "« Je vous envoie l'invitation par e-mail tout de suite. Merci {{contact.first_name}}, à bientôt ! »",
        "“I'm sending you the invitation by email right away. Thank you {{contact.first_name}}, speak soon!”"
      ),
      choices: [{ id: "end", label: both("Fin de l'appel", "End of call"), next: null }]
    }
  ],
  objections: [
    {
      id: "no-need",
      label: both("« Nous n'avons besoin de rien »", "“We don't need anything”"),
      response: both(
        "« Justement, ce rendez-vous n'engage à rien : c'est l'occasion de faire le point et de préparer vos prochains besoins. »",
        "“That's fine: the meeting commits you to nothing; it's a chance to take stock and plan ahead.”"
      )
    },
    {
      id: "by-email",
      label: both("« Envoyez-moi plutôt les nouveautés »", "“Just email me what's new”"),
      response: both("« Avec plaisir, et je propose à {{customer.sales_rep}} de vous appeler dix minutes ensuite. Quel jour vous arrange ? »", "“Happy to, and I'll ask {{customer.sales_rep}} to call you for ten minutes afterwards. Which day suits you?”"),
      alternatives: [
        {
          when: "agent-is-rep",
          response: both("« Avec plaisir, et je vous rappelle dix minutes ensuite pour en parler. Quel jour vous arrange ? »", "“Happy to, and I'll call you for ten minutes afterwards to go through it. Which day suits you?”")
        }
      ]
    }
  ]
}
