import "~src/ui/comptoir.css"

import { CallScriptPanel } from "~src/features/call-script"
import { SidePanelApp } from "~src/features/side-panel/side-panel-app"
import { SoftphoneDock } from "~src/features/softphone"
import { useSettings } from "~src/ui/app-shell"

/**
 * The browser's side panel (Chrome's side_panel, Firefox's sidebar_action: Plasmo writes both from this entry):
 * the docked home of the softphone, the call script beside the call, and the active tab's cards.
 */
export default function SidePanel() {
  return <SidePanelApp softphone={<DockedSoftphone />} />
}

/**
 * Rendered inside the side panel's AppShell, where the settings are. The call script runs inside the dock: during
 * a call, right under the call's controls (the side panel is narrow: the step and its answers stay in view).
 */
function DockedSoftphone() {
  const settings = useSettings()
  return <SoftphoneDock agentCountry={settings.defaultCountry} beside={<CallScriptPanel />} />
}
