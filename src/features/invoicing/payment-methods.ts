/** The ways money comes in (or goes back), as the payment and refund forms offer them ("credit" is never typed). */
export const METHODS = ["transfer", "card", "cheque", "cash", "direct-debit", "other"] as const
export type TypedMethod = (typeof METHODS)[number]
