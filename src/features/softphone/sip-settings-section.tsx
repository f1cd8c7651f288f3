import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"

import { sipFieldProblems, type SipFieldProblems, type SoftphoneSettings } from "~src/domain/telephony"
import { send } from "~src/messaging/send"

type Provider = SoftphoneSettings["provider"]

/** The softphone's settings in the options page. The password goes to the background once and is never shown again. */
export function SipSettingsSection() {
  const { t } = useTranslation()
  const [loaded, setLoaded] = useState<SoftphoneSettings | null>(null)
  const [hasPassword, setHasPassword] = useState(false)
  const [provider, setProvider] = useState<Provider>("none")
  const [fields, setFields] = useState({ websocketUrl: "", uri: "", authorizationUser: "", displayName: "" })
  const [password, setPassword] = useState("")
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  // Said beside each field: the background's own refusal is the schema's English (and was shown as raw JSON).
  const [problems, setProblems] = useState<SipFieldProblems>({})

  useEffect(() => {
    send("softphone/settings", {})
      .then((r) => {
        setLoaded(r.settings)
        setHasPassword(r.hasPassword)
        setProvider(r.settings.provider)
        if (r.settings.sip) setFields({ ...r.settings.sip })
      })
      .catch((e) => setMessage({ ok: false, text: String(e) }))
  }, [])

  const save = async () => {
    if (!loaded) return
    const typed = { ...fields, websocketUrl: fields.websocketUrl.trim(), uri: fields.uri.trim() }
    const wanted = provider === "sip" || typed.websocketUrl !== "" || typed.uri !== ""
    const found = wanted ? sipFieldProblems(typed) : {}
    setProblems(found)
    if (Object.keys(found).length > 0) {
      setMessage(null)
      return
    }
    const sip = wanted ? typed : null
    try {
      const r = await send("softphone/configure", {
        settings: { ...loaded, provider, sip },
        password: password === "" ? undefined : password
      })
      if (!r.ok) throw new Error(r.error)
      if (password) setHasPassword(true)
      setPassword("")
      setMessage({ ok: true, text: t("softphone.settings.saved") })
    } catch (e) {
      setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) })
    }
  }

  const field = (name: keyof typeof fields, placeholder = "") => {
    const problem = name === "websocketUrl" || name === "uri" ? problems[name] : undefined
    return (
      <div className="c-field">
        <label htmlFor={`sip-${name}`}>{t(`softphone.settings.${name}`)}</label>
        <input
          id={`sip-${name}`}
          name={`sip.${name}`}
          type="text"
          placeholder={placeholder}
          maxLength={300}
          value={fields[name]}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `sip-${name}-error` : undefined}
          onChange={(e) => setFields((f) => ({ ...f, [name]: e.target.value }))}
        />
        {problem ? (
          <span className="c-error" id={`sip-${name}-error`} data-comptoir="sip-field-error" data-field={name}>
            {t(`softphone.settings.errors.${name}.${problem}`, { value: fields[name].trim() })}
          </span>
        ) : null}
      </div>
    )
  }

  return (
    <form
      data-comptoir="sip-settings"
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}>
      <div className="c-field">
        <label htmlFor="softphone-provider">{t("softphone.settings.provider")}</label>
        <select id="softphone-provider" name="softphone.provider" value={provider} onChange={(e) => setProvider(e.target.value as Provider)}>
          <option value="none">{t("softphone.settings.providerNone")}</option>
          <option value="sip">{t("softphone.settings.providerSip")}</option>
          <option value="twilio">{t("softphone.settings.providerTwilio")}</option>
          <option value="tel">{t("softphone.settings.providerTel")}</option>
        </select>
      </div>
      {provider === "sip" ? (
        <>
          {field("websocketUrl", "wss://pbx.example.com:8089/ws")}
          {field("uri", "sip:agent1@pbx.example.com")}
          {field("authorizationUser")}
          <div className="c-field">
            <label htmlFor="sip-password">{t("softphone.settings.password")}</label>
            <input
              id="sip-password"
              name="sip.password"
              type="password"
              autoComplete="new-password"
              maxLength={200}
              placeholder={hasPassword ? t("softphone.settings.passwordStored") : ""}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            <span className="c-muted">{t("softphone.settings.passwordNote")}</span>
          </div>
          {field("displayName")}
        </>
      ) : null}
      {provider === "twilio" ? <p className="c-muted">{t("softphone.settings.twilioNeedsServer")}</p> : null}
      <div style={{ display: "flex", gap: 8 }}>
        <button type="submit" className="c-button" data-comptoir="sip-save">
          {t("softphone.action.save")}
        </button>
        <button type="button" className="c-button c-button-secondary" onClick={() => void chrome.tabs.create({ url: chrome.runtime.getURL("tabs/microphone.html") })}>
          {t("softphone.action.testMicrophone")}
        </button>
      </div>
      {message ? (
        <p className={message.ok ? "c-muted" : "c-error"} data-comptoir="sip-message">
          {message.text}
        </p>
      ) : null}
    </form>
  )
}
