import cssText from "data-text:~src/ui/comptoir.css"
import type { PlasmoCSConfig, PlasmoGetShadowHostId, PlasmoGetStyle } from "plasmo"

import { LookupOverlay } from "~src/features/lookup-panel/lookup-overlay"
import { startComposeListener } from "~src/features/reply-insert/compose-listener"

/** Webmail by default; any other site (a CRM, a self-hosted Roundcube) once the user enables it. */
export const config: PlasmoCSConfig = {
  matches: [
    "https://mail.google.com/*",
    "https://outlook.office.com/*",
    "https://outlook.office365.com/*",
    "https://outlook.live.com/*",
    "http://localhost/*",
    "http://127.0.0.1/*"
  ],
  run_at: "document_idle"
}

export const getShadowHostId: PlasmoGetShadowHostId = () => "comptoir-overlay"

export const getStyle: PlasmoGetStyle = () => {
  const style = document.createElement("style")
  style.textContent = cssText
  return style
}

// "Insert into reply" (issue #10): this page's compose box, when the workspace asks for it.
startComposeListener()

export default LookupOverlay
