export { SoftphoneDock } from "./softphone-dock"
export { CallerCard } from "./caller-card"
export { SipSettingsSection } from "./sip-settings-section"
export { placeCall } from "./place-call"
