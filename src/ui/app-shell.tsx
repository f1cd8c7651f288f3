import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react"
import { I18nextProvider } from "react-i18next"

import type { Settings } from "~src/domain/settings/settings.schema"
import { loadSettings, onSettingsChanged } from "~src/features/settings/settings-store"
import { createI18n, resolveLanguage } from "~src/i18n"

import { PageTitle } from "./page-title"

const SettingsContext = createContext<Settings | null>(null)

export function useSettings(): Settings {
  const s = useContext(SettingsContext)
  if (!s) throw new Error("useSettings outside AppShell")
  return s
}

/**
 * Loads the settings, follows their changes, and provides i18n in the agent's language. `title`: the i18n key of
 * what the page is, naming its tab "<title> · Comptoir" (pages whose name changes, as the workspace, name it themselves).
 */
export function AppShell({ children, ownsDocument = false, title }: { children: ReactNode; ownsDocument?: boolean; title?: string }) {
  const [settings, setSettings] = useState<Settings | null>(null)
  useEffect(() => {
    void loadSettings().then(setSettings)
    return onSettingsChanged(setSettings)
  }, [])
  const language = settings ? resolveLanguage(settings.language, navigator.language) : null
  const i18n = useMemo(() => (language ? createI18n(language) : null), [language])
  useEffect(() => {
    // Only extension pages own their document; in a content script the page's lang is not ours to touch.
    if (language && ownsDocument) document.documentElement.lang = language
  }, [language, ownsDocument])
  if (!settings || !i18n) return null
  return (
    <SettingsContext.Provider value={settings}>
      <I18nextProvider i18n={i18n}>
        <div className="comptoir-root">
          {title !== undefined && ownsDocument ? <PageTitle name={i18n.t(title)}>{children}</PageTitle> : children}
        </div>
      </I18nextProvider>
    </SettingsContext.Provider>
  )
}
