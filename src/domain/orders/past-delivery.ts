/**
 * A requested delivery day already gone: before the mail was written (most often a year or a month misread, or the
 * customer's slip), or before today (the mail sat in the inbox). The review says so and lets the agent confirm.
 */
export type PastDelivery = { kind: "before-mail"; mailDay: string } | { kind: "before-today"; today: string }

const DAY = /^(\d{4}-\d{2}-\d{2})/

/**
 * Whether `deliveryDate` (YYYY-MM-DD, "" for none) is past: before the mail's day (its date as captured, null when
 * the page gave none), else before `today` (YYYY-MM-DD). The mail's day comes first: it says more than "late". A
 * mail dated today says nothing more, and is what the page's reader gives when the webmail shows a weekday or
 * "Today" without the day (`pageDate` in opened-message.ts): that is never called "before the mail".
 */
export function pastDelivery(deliveryDate: string, today: string, mailDate: string | null): PastDelivery | null {
  const day = DAY.exec(deliveryDate)?.[1]
  if (day === undefined || day.length !== deliveryDate.length) return null
  const mailDay = mailDate === null ? undefined : DAY.exec(mailDate)?.[1]
  if (mailDay !== undefined && mailDay < today && day < mailDay) return { kind: "before-mail", mailDay }
  if (day < today) return { kind: "before-today", today }
  return null
}
