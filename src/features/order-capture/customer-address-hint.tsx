import { useTranslation } from "react-i18next"

import type { Customer } from "~src/domain/customers/customer.schema"
import { customerDeliveryAddress } from "~src/domain/orders/customer-address"

/**
 * Under an empty delivery address: the customer file's own, offered with one click and never filled in by itself,
 * so that what the review shows as read from the mail stays what the mail said.
 */
export function CustomerAddressHint({ customer, value, onUse }: { customer: Customer | null; value: string; onUse: (address: string) => void }) {
  const { t } = useTranslation()
  const address = customer ? customerDeliveryAddress(customer) : null
  if (address === null || value.trim() !== "") return null
  return (
    <span className="c-evidence" data-comptoir="order-address-hint">
      {t("orderCapture.review.customerAddress", { address })}{" "}
      <button type="button" className="c-linkish" data-comptoir="order-address-use" onClick={() => onUse(address)}>
        {t("orderCapture.review.useAddress")}
      </button>
    </span>
  )
}
