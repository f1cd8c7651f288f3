import type { useTranslation } from "react-i18next"

type Translate = ReturnType<typeof useTranslation>["t"]

/**
 * A document's status in words, agreeing with the document: in French a « facture » is « émise » but an « avoir »
 * « émis », a « devis » « annulé » but a « commande » « annulée » (i18next context: `issued_credit-note`,
 * `cancelled_order`; without such a key the status's own word). No type (a filter over invoices and credit notes
 * together): the status's own word.
 */
export function statusText(t: Translate, status: string, type?: string): string {
  return t(`invoicing.status.${status}`, { context: type, defaultValue: status })
}
