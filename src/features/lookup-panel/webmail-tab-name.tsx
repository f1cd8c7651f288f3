import { useTranslation } from "react-i18next"

/**
 * Who the webmail tab's cards are, without opening it: the first card's company (the mail's sender comes first),
 * then "+2" for the others, as HubSpot's sidebar says "and 2 more". The name alone over a mail naming three
 * customers read as if the mail were that one customer's. The name may be cut to the tab's height; the "+2" never
 * is, and the full sentence is the name's tooltip.
 */
export function WebmailTabName({ company, count }: { company: string | undefined; count: number }) {
  const { t } = useTranslation()
  if (company === undefined) return null
  const others = Math.max(0, count - 1)
  return (
    <>
      <span className="c-panel-tab-name" data-comptoir="tab-name" title={others > 0 ? t("panel.tab.others", { company, count: others }) : company}>
        {company}
      </span>
      {others > 0 ? (
        <span className="c-panel-tab-more" data-comptoir="tab-more" aria-hidden="true">
          {t("panel.tab.more", { count: others })}
        </span>
      ) : null}
    </>
  )
}
