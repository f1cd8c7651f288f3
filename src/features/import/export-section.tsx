import { useState } from "react"
import { useTranslation } from "react-i18next"

import { todayInFrance } from "~src/domain/documents/payment-terms"
import { exportCustomersCsv, exportProductsCsv } from "~src/domain/import/export"
import { CustomerRepository } from "~src/db/customer-repository"
import { getDb } from "~src/db/database"
import { ProductRepository } from "~src/db/product-repository"

import { downloadText } from "./download"

export function ExportSection() {
  const { t } = useTranslation()
  const [empty, setEmpty] = useState(false)
  // France's day at the click, as documents are dated (payment-terms.ts): the UTC day was yesterday's until 1 or 2
  // in the morning in Paris, and a day computed when the page opened went stale with the page left open.
  const today = () => todayInFrance()

  const exportCustomers = async () => {
    const all = await new CustomerRepository(getDb()).all()
    setEmpty(all.length === 0)
    if (all.length > 0) downloadText(`comptoir-customers-${today()}.csv`, exportCustomersCsv(all))
  }
  const exportProducts = async () => {
    const all = await new ProductRepository(getDb()).all()
    setEmpty(all.length === 0)
    if (all.length > 0) downloadText(`comptoir-products-${today()}.csv`, exportProductsCsv(all))
  }

  return (
    <div>
      <button type="button" className="c-button" onClick={() => void exportCustomers()} data-comptoir="export-customers">
        {t("options.export.customers")}
      </button>{" "}
      <button type="button" className="c-button" onClick={() => void exportProducts()} data-comptoir="export-products">
        {t("options.export.products")}
      </button>
      {empty ? <p className="c-muted">{t("options.export.empty")}</p> : null}
    </div>
  )
}
