import type { Customer } from "../customers/customer.schema"
import { townLine } from "../customers/postal-address"

const DELIVERY_LABEL = /livraison|delivery|ship|entrep[oô]t|warehouse|d[ée]p[oô]t|quai|goods/i

/**
 * The address on the customer's file an order would be delivered to when the mail names none: the one labelled
 * for deliveries, else the first. One line, as the review's field holds it; null when the file has none.
 */
export function customerDeliveryAddress(customer: Pick<Customer, "addresses" | "country">): string | null {
  const filled = customer.addresses.filter((a) => a.line.trim() || a.city.trim())
  const a = filled.find((x) => DELIVERY_LABEL.test(x.label)) ?? filled[0]
  if (!a) return null
  const town = townLine(a)
  return [a.line.trim(), town, a.country !== customer.country ? a.country : ""].filter(Boolean).join(", ")
}
