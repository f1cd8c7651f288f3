import { zodResolver } from "@hookform/resolvers/zod"
import { useState } from "react"
import { useForm } from "react-hook-form"
import { useTranslation } from "react-i18next"
import * as z from "zod"

import { CountryCode } from "~src/domain/customers/customer.schema"
import { compileCodePattern } from "~src/domain/settings/settings.schema"
import { saveSettings } from "~src/features/settings/settings-save"
import { send } from "~src/messaging/send"
import { useSettings } from "~src/ui/app-shell"

const FormValues = z.object({
  language: z.enum(["auto", "fr", "en"]),
  defaultCountry: z.string().trim().toUpperCase().pipe(CountryCode),
  customerCodePattern: z
    .string()
    .min(1)
    .max(200)
    .refine((s) => compileCodePattern(s).ok, { message: "invalid pattern" })
})
type FormValues = z.input<typeof FormValues>

export function SettingsForm() {
  const { t } = useTranslation()
  const settings = useSettings()
  const [saved, setSaved] = useState(false)
  const form = useForm<FormValues, unknown, z.output<typeof FormValues>>({
    resolver: zodResolver(FormValues),
    defaultValues: {
      language: settings.language ?? "auto",
      defaultCountry: settings.defaultCountry,
      customerCodePattern: settings.customerCodePattern
    }
  })
  const { errors } = form.formState
  const onSubmit = form.handleSubmit(async (v) => {
    await saveSettings({ language: v.language === "auto" ? null : v.language, defaultCountry: v.defaultCountry, customerCodePattern: v.customerCodePattern })
    setSaved(true)
  })
  return (
    <form onSubmit={(e) => void onSubmit(e)} data-comptoir="settings-form">
      <div className="c-field">
        <label htmlFor="c-language">{t("options.settings.language")}</label>
        <select id="c-language" {...form.register("language")} data-comptoir="setting-language">
          <option value="auto">{t("options.settings.languageAuto")}</option>
          <option value="fr">Français</option>
          <option value="en">English</option>
        </select>
      </div>
      <div className="c-field">
        <label htmlFor="c-country">{t("options.settings.defaultCountry")}</label>
        <input id="c-country" {...form.register("defaultCountry")} maxLength={2} data-comptoir="setting-country" />
        <small className="c-muted">{t("options.settings.defaultCountryHelp")}</small>
        {errors.defaultCountry ? <span className="c-error">{t("options.settings.countryInvalid")}</span> : null}
      </div>
      <div className="c-field">
        <label htmlFor="c-code">{t("options.settings.codePattern")}</label>
        <input id="c-code" {...form.register("customerCodePattern")} data-comptoir="setting-code-pattern" />
        <small className="c-muted">{t("options.settings.codePatternHelp")}</small>
        {errors.customerCodePattern ? <span className="c-error">{t("options.settings.patternInvalid")}</span> : null}
      </div>
      <button type="submit" className="c-button">
        {t("options.settings.save")}
      </button>
      {saved ? <span className="c-muted"> {t("options.settings.saved")}</span> : null}
    </form>
  )
}

export function EnabledSites() {
  const { t } = useTranslation()
  const settings = useSettings()
  return (
    <div data-comptoir="enabled-sites">
      <p className="c-muted">{t("options.sites.help")}</p>
      {settings.enabledSites.length === 0 ? <p className="c-empty">{t("options.sites.none")}</p> : null}
      <ul>
        {settings.enabledSites.map((p) => (
          <li key={p}>
            <code>{p}</code>{" "}
            <button type="button" className="c-button c-button-secondary" onClick={() => void send("sites/disable", { pattern: p })}>
              {t("options.sites.remove")}
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}
