import "~src/ui/comptoir.css"

import { SidePanelApp } from "~src/features/side-panel/side-panel-app"

/**
 * The browser's side panel (Chrome's side_panel, Firefox's sidebar_action: Plasmo writes both from this entry).
 * Later features mount here: `<SidePanelApp softphone={<Softphone />} callScript={<CallScript />} />`.
 */
export default function SidePanel() {
  return <SidePanelApp />
}
