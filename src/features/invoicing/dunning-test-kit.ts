import type { DocumentRowView } from "~src/messaging/contract"

type Sent = NonNullable<DocumentRowView["dunning"]>["sent"]

/**
 * The dunning screen's tests' overdue invoice: Newbury Hardware's FAC-2026-00095, 116 days late, at the formal
 * notice's stage; with no reminder sent the friendly one is due, after one the firm one.
 */
export const overdueRow = (sent: Sent = []): DocumentRowView => ({
  id: "inv-95",
  type: "invoice",
  number: "FAC-2026-00095",
  status: "issued",
  customerId: "cust-8",
  customerName: "Newbury Hardware Ltd",
  customerCode: "C-00008",
  date: "2026-06-26",
  dueDate: "2026-08-10",
  totalInclVatCents: 69_352,
  remainingCents: 69_352,
  paymentState: "unpaid",
  daysOverdue: 116,
  dunning:
    sent.length === 0
      ? { due: "friendly", reached: "formal-notice", direct: "formal-notice", skips: ["friendly", "firm"], sent }
      : { due: "firm", reached: "formal-notice", direct: "formal-notice", skips: ["firm"], sent },
  correctsInvoiceId: null,
  language: "en"
})
