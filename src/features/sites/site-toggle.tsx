import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"

import { sitePatternOf } from "~src/domain/settings/settings.schema"
import { send } from "~src/messaging/send"

import { builtinSitePatterns, startLookupIn } from "./site-scripts"

type State =
  | { kind: "loading" }
  | { kind: "unsupported" }
  | { kind: "builtin"; host: string }
  | { kind: "withheld"; host: string; pattern: string; tabId: number }
  | { kind: "enabled"; host: string; pattern: string }
  | { kind: "disabled"; host: string; pattern: string; tabId: number }

/**
 * "Enable Comptoir on this site": asks the browser for this one origin, then starts without a reload. A built-in
 * site (webmail) whose access the user withheld in the browser is asked for again the same way.
 */
export function SiteToggle() {
  const { t } = useTranslation()
  const [state, setState] = useState<State>({ kind: "loading" })
  const [message, setMessage] = useState<string | null>(null)

  const refresh = async () => {
    const [tab] = await chrome.tabs.query({ active: true, currentWindow: true })
    const pattern = tab?.url ? sitePatternOf(tab.url) : null
    if (!tab?.id || !pattern || !tab.url) return setState({ kind: "unsupported" })
    const host = new URL(tab.url).hostname
    const granted = await chrome.permissions.contains({ origins: [pattern] })
    if (builtinSitePatterns().includes(pattern)) return setState(granted ? { kind: "builtin", host } : { kind: "withheld", host, pattern, tabId: tab.id })
    setState(granted ? { kind: "enabled", host, pattern } : { kind: "disabled", host, pattern, tabId: tab.id })
  }

  useEffect(() => {
    void refresh()
  }, [])

  const enable = async (pattern: string, tabId: number) => {
    setMessage(null)
    try {
      // Must run in the click's user gesture: the permission prompt is refused otherwise.
      const granted = await chrome.permissions.request({ origins: [pattern] })
      if (!granted) return setMessage(t("popup.site.denied"))
      const res = await send("sites/enable", { pattern, tabId })
      if (!res.ok) setMessage(t("popup.site.failed", { error: res.error ?? "" }))
    } catch (e) {
      // The background's failure (a refused registration) is said here: the click otherwise did nothing visible.
      setMessage(t("popup.site.failed", { error: e instanceof Error ? e.message : String(e) }))
    }
    await refresh()
  }

  const allow = async (pattern: string, tabId: number) => {
    setMessage(null)
    const granted = await chrome.permissions.request({ origins: [pattern] })
    if (!granted) return setMessage(t("popup.site.denied"))
    // The manifest's content script would start only at the next page load.
    const res = await startLookupIn(tabId)
    if (res.error) setMessage(t("popup.site.failed", { error: res.error }))
    await refresh()
  }

  const disable = async (pattern: string) => {
    await send("sites/disable", { pattern })
    await refresh()
  }

  return (
    <footer style={{ borderTop: "1px solid #e5e7eb", marginTop: 10, paddingTop: 8 }} data-comptoir="site-toggle">
      {state.kind === "builtin" ? <p className="c-muted">{t("popup.site.builtin", { host: state.host })}</p> : null}
      {state.kind === "withheld" ? (
        <>
          <p className="c-muted">{t("popup.site.withheld", { host: state.host })}</p>
          <button type="button" className="c-button" data-comptoir="allow-site" onClick={() => void allow(state.pattern, state.tabId)}>
            {t("popup.site.allow", { host: state.host })}
          </button>
        </>
      ) : null}
      {state.kind === "unsupported" ? <p className="c-muted">{t("popup.site.unsupported")}</p> : null}
      {state.kind === "enabled" ? (
        <p>
          {t("popup.site.enabled", { host: state.host })}{" "}
          <button type="button" className="c-button c-button-secondary" onClick={() => void disable(state.pattern)}>
            {t("popup.site.disable")}
          </button>
        </p>
      ) : null}
      {state.kind === "disabled" ? (
        <button type="button" className="c-button" data-comptoir="enable-site" onClick={() => void enable(state.pattern, state.tabId)}>
          {t("popup.site.enable", { host: state.host })}
        </button>
      ) : null}
      {message ? <p className="c-error">{message}</p> : null}
    </footer>
  )
}
