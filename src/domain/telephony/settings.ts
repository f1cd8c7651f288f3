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

/** What is wrong with a SIP field as typed: nothing typed, or not of its kind (an http:// URL, a URI without sip:). */
export type SipFieldProblem = "missing" | "invalid"
export type SipFieldProblems = Partial<Record<"websocketUrl" | "uri", SipFieldProblem>>

/**
 * The SIP form's fields checked before they are sent, so the form can say which field is wrong in the user's
 * language (the schema's own messages are English and technical). Spaces around a value are not a fault.
 */
export function sipFieldProblems(fields: { websocketUrl: string; uri: string }): SipFieldProblems {
  const out: SipFieldProblems = {}
  const shape = SipPublicSettings.shape
  for (const name of ["websocketUrl", "uri"] as const) {
    const value = fields[name].trim()
    if (value === "") out[name] = "missing"
    else if (!shape[name].safeParse(value).success) out[name] = "invalid"
  }
  return out
}
