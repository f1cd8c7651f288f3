import { useTranslation } from "react-i18next"

import { ExportSection } from "~src/features/import/export-section"
import { ImportSection } from "~src/features/import/import-section"
import { SellerSection } from "~src/features/quotes/seller-section"
import { EnabledSites, SettingsForm } from "~src/features/settings/settings-form"
import { SipSettingsSection } from "~src/features/softphone/sip-settings-section"
import { TeamServerSection } from "~src/features/sync/team-server-section"
import { AppShell } from "~src/ui/app-shell"

export function OptionsApp() {
  return (
    <AppShell ownsDocument>
      <Options />
    </AppShell>
  )
}

function Options() {
  const { t } = useTranslation()
  return (
    <main style={{ maxWidth: 920, margin: "0 auto", padding: "16px 24px" }}>
      <h1>{t("options.header.title")}</h1>
      <section>
        <h2>{t("options.team.title")}</h2>
        <TeamServerSection />
      </section>
      <section>
        <h2>{t("quotes.seller.title")}</h2>
        <SellerSection />
      </section>
      <section>
        <h2>{t("options.import.customersTitle")}</h2>
        <ImportSection kind="customers" />
      </section>
      <section>
        <h2>{t("options.import.productsTitle")}</h2>
        <ImportSection kind="products" />
      </section>
      <section>
        <h2>{t("options.export.title")}</h2>
        <ExportSection />
      </section>
      <section>
        <h2>{t("options.settings.title")}</h2>
        <SettingsForm />
      </section>
      <section>
        <h2>{t("softphone.settings.title")}</h2>
        <SipSettingsSection />
      </section>
      <section>
        <h2>{t("options.sites.title")}</h2>
        <EnabledSites />
      </section>
    </main>
  )
}
