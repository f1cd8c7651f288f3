import { useCallback, useEffect, useState } from "react"
import { useTranslation } from "react-i18next"

import { send } from "~src/messaging/send"
import { AppShell } from "~src/ui/app-shell"

type Permission = "unknown" | "granted" | "denied" | "no-device"

/**
 * The first-run page for the microphone. The offscreen document cannot show a permission prompt, so the
 * permission is asked here, from a visible extension page; once granted it holds for the whole extension.
 */
export function MicrophonePage() {
  return (
    <AppShell ownsDocument title="softphone.mic.title">
      <Microphone />
    </AppShell>
  )
}

function Microphone() {
  const { t } = useTranslation()
  const [permission, setPermission] = useState<Permission>("unknown")
  const [inputs, setInputs] = useState<MediaDeviceInfo[]>([])
  const [outputs, setOutputs] = useState<MediaDeviceInfo[]>([])
  const [input, setInput] = useState("")
  const [output, setOutput] = useState("")
  const [saved, setSaved] = useState(false)

  const listDevices = useCallback(async () => {
    const all = await navigator.mediaDevices.enumerateDevices()
    setInputs(all.filter((d) => d.kind === "audioinput"))
    setOutputs(all.filter((d) => d.kind === "audiooutput"))
  }, [])

  useEffect(() => {
    navigator.permissions
      .query({ name: "microphone" as PermissionName })
      .then((p) => {
        const read = () => setPermission(p.state === "granted" ? "granted" : p.state === "denied" ? "denied" : "unknown")
        read()
        p.onchange = read
      })
      .catch(() => undefined)
    send("softphone/settings", {})
      .then((r) => {
        setInput(r.settings.devices.inputDeviceId ?? "")
        setOutput(r.settings.devices.outputDeviceId ?? "")
      })
      .catch(() => undefined)
  }, [])

  useEffect(() => {
    if (permission === "granted") void listDevices()
  }, [permission, listDevices])

  const ask = async () => {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true })
      stream.getTracks().forEach((tr) => tr.stop())
      setPermission("granted")
    } catch (e) {
      setPermission(e instanceof DOMException && e.name === "NotFoundError" ? "no-device" : "denied")
    }
  }

  const saveDevices = async () => {
    const r = await send("softphone/settings", {})
    await send("softphone/configure", { settings: { ...r.settings, devices: { inputDeviceId: input || null, outputDeviceId: output || null } } })
    setSaved(true)
  }

  return (
    <main style={{ maxWidth: 640, margin: "0 auto", padding: "16px 24px" }} data-comptoir="microphone-page" data-permission={permission}>
      <h1>{t("softphone.mic.title")}</h1>
      <p>{t("softphone.mic.intro")}</p>
      {permission !== "granted" ? (
        <button type="button" className="c-button" data-comptoir="mic-ask" onClick={() => void ask()}>
          {t("softphone.mic.ask")}
        </button>
      ) : (
        <p data-comptoir="mic-granted">{t("softphone.mic.granted")}</p>
      )}
      {permission === "denied" ? (
        <div className="c-error" data-comptoir="mic-denied">
          <p>{t("softphone.mic.denied")}</p>
          <p>{t("softphone.mic.deniedHelp")}</p>
        </div>
      ) : null}
      {permission === "no-device" ? <p className="c-error">{t("softphone.mic.noDevice")}</p> : null}
      {permission === "granted" ? (
        <>
          <div className="c-field">
            <label htmlFor="mic-input">{t("softphone.mic.input")}</label>
            <select id="mic-input" name="devices.input" value={input} onChange={(e) => setInput(e.target.value)}>
              <option value="">{t("softphone.mic.default")}</option>
              {inputs.map((d) => (
                <option key={d.deviceId} value={d.deviceId}>
                  {d.label || d.deviceId.slice(0, 8)}
                </option>
              ))}
            </select>
          </div>
          <div className="c-field">
            <label htmlFor="mic-output">{t("softphone.mic.output")}</label>
            <select id="mic-output" name="devices.output" value={output} onChange={(e) => setOutput(e.target.value)}>
              <option value="">{t("softphone.mic.default")}</option>
              {outputs.map((d) => (
                <option key={d.deviceId} value={d.deviceId}>
                  {d.label || d.deviceId.slice(0, 8)}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className="c-button" data-comptoir="mic-save" onClick={() => void saveDevices()}>
            {t("softphone.mic.saveDevices")}
          </button>
          {saved ? <p className="c-muted">✓</p> : null}
        </>
      ) : null}
    </main>
  )
}
