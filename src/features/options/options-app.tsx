import { useTranslation } from "react-i18next"

import { ExportSection } from "~src/features/import/export-section"
import { ImportSection } from "~src/features/import/import-section"
import { SellerSection } from "~src/features/quotes/seller-section"
import { EnabledSites, SettingsForm } from "~src/features/settings/settings-form"
import { SipSettingsSection } from "~src/features/softphone/sip-settings-section"
import { useSyncStatus } from "~src/features/sync/sync-status-line"
import { TeamServerSection } from "~src/features/sync/team-server-section"
import { AppShell } from "~src/ui/app-shell"

export function OptionsApp() {
  return (
    <AppShell ownsDocument title="options.header.pageTitle">
      <Options />
    </AppShell>
  )
}

/**
 * Who is signed in, and whether their first pull is done. The seller identity is read once when it mounts, and
 * this page is where one signs in: keyed on this, it is read again once the team's row and the user's role are
 * here (else a manager saw it empty and "read-only" until a reload), and not on each later sync (a manager's
 * typing is kept).
 */
function useAccountKey(): string {
  const { status } = useSyncStatus()
  if (!status?.signedIn || !status.user) return "signed-out"
  const firstPullDone = status.lastSyncedAt !== null && status.progress === null
  return `${status.user.email}|${status.user.role}|${firstPullDone ? "pulled" : "pulling"}`
}

function Options() {
  const { t } = useTranslation()
  const accountKey = useAccountKey()
  return (
    <main style={{ maxWidth: 920, margin: "0 auto", padding: "16px 24px" }}>
      <h1>{t("options.header.title")}</h1>
      <section>
        <h2>{t("options.team.title")}</h2>
        <TeamServerSection />
      </section>
      <section>
        <h2>{t("quotes.seller.title")}</h2>
        <SellerSection key={accountKey} />
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
