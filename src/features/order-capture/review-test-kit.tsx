// Shared by the order review's component tests: the background's answer to `orders/capture` for a proposal, and the
// review mounted in a language. Not imported by the extension.
import { render } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"

import type { Customer } from "~src/domain/customers/customer.schema"
import { createI18n } from "~src/i18n"
import type { OrderCapture } from "~src/messaging/contract"

import { OrderReview } from "./order-review"

/** `orders/capture`'s answer for a Gmail message "gants" from Amélie, with no risk or products known (nor customer, unless given). */
export const captureReply = (proposal: OrderCapture["proposal"], customer: Customer | null = null) => ({
  capture: { id: "cap1", webmail: "gmail", messageId: "m1", subject: "gants", from: { address: "a@b.fr", name: "Amélie" }, date: null, unread: [], read: [], proposal, at: 1 },
  customer,
  risk: null,
  products: [],
  mayOverride: false
})

/** The review of that capture, in the agent's language. */
export const showReview = (lang: "fr" | "en") =>
  render(
    <I18nextProvider i18n={createI18n(lang)}>
      <OrderReview captureId="cap1" />
    </I18nextProvider>
  )

/** The bakery Amélie writes for, as the base holds it: one address on file. */
export const BAKERY: Customer = {
  id: "c-101",
  code: "C-00101",
  company: "Boulangerie Lefèvre SARL",
  siren: null,
  vatNumber: null,
  addresses: [{ label: "", line: "12 rue de la République", postalCode: "69002", city: "Lyon", country: "FR" }],
  country: "FR",
  language: "fr",
  creditLimitCents: null,
  paymentTermsDays: null,
  salesRep: null,
  tags: [],
  notes: "",
  contacts: [],
  createdAt: 0,
  updatedAt: 0
}

/** `orders/price`'s answer for a code no customer has: no line priced, no totals. */
export const noPricesReply = (req: { lines: unknown[] }) => ({
  customer: false,
  lines: req.lines.map(() => ({ priced: false, reason: "no-product" })),
  totalExclVatCents: 0,
  totalVatCents: 0,
  totalInclVatCents: 0,
  vatByRate: [],
  unpriced: req.lines.length
})
