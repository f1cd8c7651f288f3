import type { DunningLevel } from "./dunning"
import type { DocLanguage } from "./legal-mentions"
import { formatCents } from "./money"

export interface ReminderFacts {
  invoiceNumber: string
  invoiceDate: string
  dueDate: string
  remainingCents: number
  daysOverdue: number
  customerName: string
  /** "Mme Durand", or empty: the greeting then goes to the company. */
  contactName: string
  sellerName: string
  agentName: string
  /**
   * The days (ISO) the earlier reminders of this invoice were sent, oldest first; empty when this one is the
   * first (a level sent directly): the mail then claims no earlier reminder.
   */
  earlierReminders: readonly string[]
}

/**
 * The reminder mail of each level, in the customer's language: friendly (a nudge, maybe an oversight), firm
 * (a date to pay by, the penalties the invoice states), formal notice (mise en demeure: the last step before
 * recovery, which French practice words plainly and dates). The firm reminder and the formal notice cite the
 * earlier reminders by their dates, and say none when none was sent (a level sent directly): "despite our
 * reminders" would then be false, and a formal notice must be true. Plain text: it goes into the reply box as typed.
 */
export function reminderMail(level: DunningLevel, lang: DocLanguage, f: ReminderFacts): { subject: string; body: string } {
  const amount = formatCents(f.remainingCents, lang)
  const date = (iso: string) => formatDate(iso, lang)
  const fr = lang === "fr"
  // A formal notice is a letter to the debtor, in the letter's forms: « Madame, Monsieur, » and the « salutations
  // distinguées », never « Bonjour Pascale Texier, … Cordialement » (the walk of 7 Dec, branch walk14); in English
  // "Dear Sir or Madam," and "Yours faithfully," (its British pair), not "Dear David Thornton, … Kind regards" (walk16).
  const letter = level === "formal-notice"
  const hello = letter ? (fr ? "Madame, Monsieur," : "Dear Sir or Madam,") : fr ? (f.contactName ? `Bonjour ${f.contactName},` : "Madame, Monsieur,") : f.contactName ? `Dear ${f.contactName},` : "Dear Sir or Madam,"
  const earlier = f.earlierReminders.map(date)
  const firmOpening = fr
    ? earlier.length === 0
      ? `La facture ${f.invoiceNumber} du ${date(f.invoiceDate)} reste impayée`
      : `Malgré ${earlier.length === 1 ? "notre rappel" : "nos rappels"} ${frDays(earlier)}, la facture ${f.invoiceNumber} du ${date(f.invoiceDate)} reste impayée`
    : earlier.length === 0
      ? `Invoice ${f.invoiceNumber} of ${date(f.invoiceDate)} remains unpaid`
      : `Despite our ${earlier.length === 1 ? "reminder" : "reminders"} of ${enList(earlier)}, invoice ${f.invoiceNumber} of ${date(f.invoiceDate)} remains unpaid`
  const stillUnpaid = fr
    ? earlier.length === 0
      ? "et restée impayée à ce jour"
      : `et restée impayée malgré ${earlier.length === 1 ? "notre relance" : "nos relances"} ${frDays(earlier)}`
    : earlier.length === 0
      ? "and still unpaid to this day"
      : `and still unpaid despite our ${earlier.length === 1 ? "reminder" : "reminders"} of ${enList(earlier)}`
  const sign = letter
    ? `${fr ? "Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées." : "Yours faithfully,"}\n\n${f.agentName}\n${f.sellerName}`
    : `${fr ? "Cordialement" : "Kind regards"},\n${f.agentName}\n${f.sellerName}`
  const subjects: Record<DunningLevel, string> = fr
    ? { friendly: `Rappel : facture ${f.invoiceNumber}`, firm: `Relance : facture ${f.invoiceNumber} impayée`, "formal-notice": `Mise en demeure : facture ${f.invoiceNumber}` }
    : { friendly: `Reminder: invoice ${f.invoiceNumber}`, firm: `Overdue invoice ${f.invoiceNumber}`, "formal-notice": `Formal notice: invoice ${f.invoiceNumber}` }
  const bodies: Record<DunningLevel, string> = fr
    ? {
        friendly: `Sauf erreur de notre part, la facture ${f.invoiceNumber} du ${date(f.invoiceDate)}, échue le ${date(f.dueDate)}, reste à régler pour ${amount}.\n\nS'il s'agit d'un simple oubli, nous vous remercions de bien vouloir procéder au règlement. Si le paiement est déjà parti, merci de ne pas tenir compte de ce message.`,
        firm: `${firmOpening} : ${amount}, en retard de ${f.daysOverdue} jours.\n\nNous vous demandons de procéder au règlement sous 8 jours. Nous vous rappelons que tout retard entraîne les pénalités et l'indemnité forfaitaire de 40 € prévues sur la facture.`,
        "formal-notice": `Par la présente, nous vous mettons en demeure de régler sous 8 jours la somme de ${amount} au titre de la facture ${f.invoiceNumber} du ${date(f.invoiceDate)}, échue depuis le ${date(f.dueDate)} (${f.daysOverdue} jours) ${stillUnpaid}.\n\nÀ défaut, nous engagerons le recouvrement de cette créance, majorée des pénalités de retard et de l'indemnité forfaitaire de 40 € pour frais de recouvrement.`
      }
    : {
        friendly: `Unless we are mistaken, invoice ${f.invoiceNumber} of ${date(f.invoiceDate)}, due on ${date(f.dueDate)}, still shows ${amount} to pay.\n\nIf this is an oversight, we would be grateful if you could arrange payment. If you have already paid, please disregard this message.`,
        firm: `${firmOpening}: ${amount}, ${f.daysOverdue} days overdue.\n\nPlease settle it within 8 days. Late payment incurs the penalties and the €40 fixed recovery compensation stated on the invoice.`,
        "formal-notice": `We hereby give you formal notice to pay, within 8 days of this letter, the sum of ${amount} due under invoice ${f.invoiceNumber} of ${date(f.invoiceDate)}, overdue since ${date(f.dueDate)} (${f.daysOverdue} days) ${stillUnpaid}.\n\nFailing payment within that time, we will start recovery proceedings for this debt, plus late-payment penalties and the €40 fixed compensation for recovery costs.`
      }
  return { subject: subjects[level], body: `${hello}\n\n${bodies[level]}\n\n${sign}` }
}

/** "1er février 2026" (French writes the first of the month as an ordinal, Intl does not), "1 February 2026". */
function formatDate(iso: string, lang: DocLanguage): string {
  const [y, m, d] = iso.split("-").map(Number)
  const text = new Intl.DateTimeFormat(lang === "fr" ? "fr-FR" : "en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(y!, m! - 1, d!)))
  return lang === "fr" && d === 1 ? text.replace(/^1 /, "1er ") : text
}

/** "du 8 novembre 2026", "du 8 novembre 2026 et du 20 novembre 2026". */
function frDays(days: readonly string[]): string {
  const each = days.map((d) => `du ${d}`)
  return each.length < 2 ? each.join("") : `${each.slice(0, -1).join(", ")} et ${each[each.length - 1]!}`
}

/** "8 November 2026", "8 November 2026 and 20 November 2026". */
function enList(days: readonly string[]): string {
  return days.length < 2 ? days.join("") : `${days.slice(0, -1).join(", ")} and ${days[days.length - 1]!}`
}

/** A mailto: link with the subject and body (the fallback where no reply box is open). */
export function mailtoLink(to: string, mail: { subject: string; body: string }): string {
  return `mailto:${encodeURIComponent(to)}?subject=${encodeURIComponent(mail.subject)}&body=${encodeURIComponent(mail.body)}`
}
