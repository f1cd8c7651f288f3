import { fixtureExtractor } from "~bench/orders-corpus"
import type { OrderExtractor } from "~src/domain/orders/extract-order"
import type { OrderMail } from "~src/domain/orders/types"

/** The corpus's customers and catalog, as the tune37 kinds tests read their phrasings with. */
export const extractor = fixtureExtractor()

/** A phrasing of the tuner's own as a mail sent on Friday 27 November 2026 (the Date header, the writer's own time). */
export function extract(text: string, over: Partial<OrderMail> = {}, using: OrderExtractor = extractor): ReturnType<OrderExtractor["extract"]> {
  return using.extract({
    from: { address: "intendance@ambassade-exemple.fr", name: "Claire Petit" },
    to: ["commandes@comptoir-fournitures.fr"],
    subject: "Commande",
    date: "2026-11-27T09:00:00",
    text,
    htmlText: "",
    attachments: [],
    ...over
  })
}

/** The English phrasings' sender. */
export const EN = { from: { address: "facilities@embassy-example.org", name: "Sam Reid" }, subject: "Supplies" }
