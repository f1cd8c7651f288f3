import * as z from "zod"

/** The softphone's settings, without the SIP password (a secret: kept in the extension's IndexedDB only). */
export const SipPublicSettings = z.object({
  websocketUrl: z.string().max(300).regex(/^wss?:\/\/[^\s]+$/, "a WebSocket URL: wss://pbx.example:8089/ws"),
  uri: z.string().max(200).regex(/^sips?:[^\s@]+@[^\s@]+$/, "a SIP URI: sip:agent1@pbx.example"),
  authorizationUser: z.string().max(100).default(""),
  displayName: z.string().max(100).default("")
})
export type SipPublicSettings = z.infer<typeof SipPublicSettings>

export const SoftphoneSettings = z.object({
  provider: z.enum(["none", "sip", "twilio", "tel"]).default("none"),
  sip: SipPublicSettings.nullable().default(null),
  devices: z
    .object({ inputDeviceId: z.string().max(200).nullable(), outputDeviceId: z.string().max(200).nullable() })
    .default({ inputDeviceId: null, outputDeviceId: null })
})
export type SoftphoneSettings = z.infer<typeof SoftphoneSettings>

export const SETTINGS_KEY = "softphone.settings"
/** chrome.storage.session: what every surface shows (SoftphoneView). */
export const VIEW_KEY = "softphone.view"
