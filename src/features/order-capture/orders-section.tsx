import { useTranslation } from "react-i18next"

import { OrderReview } from "./order-review"

/** The workspace's "Orders from email" section: `#/orders/capture/<id>` is the review of one captured message. */
export function OrdersSection({ path }: { path: string[] }) {
  const { t } = useTranslation()
  if (path[0] === "capture" && path[1]) return <OrderReview key={path[1]} captureId={path[1]} />
  return (
    <div>
      <h1>{t("orderCapture.section.title")}</h1>
      <p className="c-muted">{t("orderCapture.section.help")}</p>
    </div>
  )
}
