import { startOffscreenHost } from "~src/telephony/offscreen-host"

// The offscreen document (chrome.offscreen, reasons USER_MEDIA and WEB_RTC): the softphone's call runs here.
startOffscreenHost()

export default function Offscreen() {
  return null
}
