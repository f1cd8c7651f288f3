import { CallScriptPanel } from "~src/features/call-script/call-script-panel"
import { AppShell, useSettings } from "~src/ui/app-shell"

import { SoftphoneDock } from "./softphone-dock"

/** The softphone in a tab of its own (where an incoming call's notification leads when the popup cannot open). */
export function SoftphonePage() {
  return (
    <AppShell ownsDocument>
      <main style={{ maxWidth: 480, margin: "0 auto", padding: 12 }}>
        <PageDock />
        <CallScriptPanel />
      </main>
    </AppShell>
  )
}

function PageDock() {
  const settings = useSettings()
  return <SoftphoneDock agentCountry={settings.defaultCountry} />
}
