import { zodResolver } from "@hookform/resolvers/zod"
import { useState } from "react"
import { useForm } from "react-hook-form"
import { useTranslation } from "react-i18next"
import * as z from "zod"

import { send } from "~src/messaging/send"

/** The server's rule (server/auth/users.ts): at least 10 characters; it also refuses the demo password. */
const FormValues = z
  .object({
    currentPassword: z.string().min(1).max(200),
    newPassword: z.string().min(10, "tooShort").max(200),
    confirm: z.string().max(200)
  })
  .refine((v) => v.newPassword === v.confirm, { message: "mismatch", path: ["confirm"] })
type FormValues = z.infer<typeof FormValues>

const SERVER_ERRORS: Record<string, string> = {
  "wrong-password": "changePassword.errors.wrongPassword",
  "same-password": "changePassword.errors.samePassword",
  "too-many-attempts": "changePassword.errors.tooMany",
  "bad-token": "changePassword.errors.signedOut",
  "signed-out": "changePassword.errors.signedOut",
  offline: "changePassword.errors.offline"
}

/** Options, signed in: change one's own password on the team server. */
export function ChangePasswordForm() {
  const { t } = useTranslation()
  const [result, setResult] = useState<{ ok: true; ended: number } | { ok: false; text: string } | null>(null)
  const form = useForm<FormValues>({ resolver: zodResolver(FormValues), defaultValues: { currentPassword: "", newPassword: "", confirm: "" } })
  const { errors, isSubmitting } = form.formState

  const onSubmit = form.handleSubmit(async (v) => {
    setResult(null)
    try {
      const r = await send("auth/change-password", { currentPassword: v.currentPassword, newPassword: v.newPassword })
      if (r.ok) {
        form.reset()
        setResult({ ok: true, ended: r.endedSessions ?? 0 })
      } else {
        const code = r.error?.code ?? "unknown"
        const message = r.error?.message ?? ""
        setResult({ ok: false, text: t(SERVER_ERRORS[code] ?? "changePassword.errors.other", { message }) })
      }
    } catch (err) {
      setResult({ ok: false, text: t("changePassword.errors.other", { message: err instanceof Error ? err.message : String(err) }) })
    }
  })

  return (
    <details data-comptoir="change-password">
      <summary>{t("changePassword.form.title")}</summary>
      <form onSubmit={(e) => void onSubmit(e)}>
        <p className="c-muted">{t("changePassword.form.intro")}</p>
        <div className="c-field">
          <label htmlFor="c-current-password">{t("changePassword.form.current")}</label>
          <input id="c-current-password" type="password" autoComplete="current-password" maxLength={200} {...form.register("currentPassword")} data-comptoir="change-password-current" />
        </div>
        <div className="c-field">
          <label htmlFor="c-new-password">{t("changePassword.form.new")}</label>
          <input id="c-new-password" type="password" autoComplete="new-password" maxLength={200} {...form.register("newPassword")} data-comptoir="change-password-new" />
          {errors.newPassword ? <span className="c-error">{t("changePassword.errors.tooShort")}</span> : null}
        </div>
        <div className="c-field">
          <label htmlFor="c-confirm-password">{t("changePassword.form.confirm")}</label>
          <input id="c-confirm-password" type="password" autoComplete="new-password" maxLength={200} {...form.register("confirm")} data-comptoir="change-password-confirm" />
          {errors.confirm ? <span className="c-error">{t("changePassword.errors.mismatch")}</span> : null}
        </div>
        <button type="submit" className="c-button" disabled={isSubmitting} data-comptoir="change-password-submit">
          {isSubmitting ? t("changePassword.form.submitting") : t("changePassword.form.submit")}
        </button>
        {result?.ok ? (
          <p className="c-muted" data-comptoir="change-password-done">
            {t("changePassword.form.done", { count: result.ended })}
          </p>
        ) : null}
        {result && !result.ok ? (
          <p className="c-error" data-comptoir="change-password-error">
            {result.text}
          </p>
        ) : null}
      </form>
    </details>
  )
}
