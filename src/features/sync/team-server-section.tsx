import { useState, type FormEvent } from "react"
import { useTranslation } from "react-i18next"

import { send } from "~src/messaging/send"

import { ChangePasswordForm } from "./change-password-form"
import { RefusedChanges } from "./refused-changes"
import { SyncStatusLine, useSyncErrorText, useSyncStatus } from "./sync-status-line"

/** Options: sign in to the team's server (the background keeps the token), see the sync status, sync now. */
export function TeamServerSection() {
  const { t } = useTranslation()
  const { status, setStatus, refresh } = useSyncStatus()
  const errorText = useSyncErrorText()
  const [serverUrl, setServerUrl] = useState("http://127.0.0.1:8787")
  const [email, setEmail] = useState("")
  const [password, setPassword] = useState("")
  const [busy, setBusy] = useState<"login" | "sync" | null>(null)
  const [error, setError] = useState<{ text: string; detail: string } | null>(null)
  /** The last sign-in was refused because changes are owed to the previous team: offer to drop them, once asked. */
  const [owed, setOwed] = useState(false)
  /** What is missing or wrong, beside its field, in the UI's language (the browser's bubbles speak the browser's). */
  const [problems, setProblems] = useState<FieldProblems>({})

  const onLogin = async (e: FormEvent | null, discardUnsent = false) => {
    e?.preventDefault()
    const found = fieldProblems(serverUrl, email, password, t)
    setProblems(found)
    if (Object.keys(found).length > 0) return
    setBusy("login")
    setError(null)
    setOwed(false)
    try {
      const r = await send("auth/login", { serverUrl: serverUrl.trim(), email: email.trim(), password, discardUnsent })
      setStatus(r.status)
      if (r.ok) setPassword("")
      else if (r.error) {
        setError(errorText(r.error))
        setOwed(r.error.code === "pending-other-team")
      }
    } catch (err) {
      setError(errorText({ code: "unknown", message: err instanceof Error ? err.message : String(err) }))
    } finally {
      setBusy(null)
    }
  }

  const onLogout = async () => {
    await send("auth/logout", {}).catch(() => undefined)
    refresh()
  }

  const onSyncNow = async () => {
    setBusy("sync")
    try {
      setStatus(await send("sync/now", {}))
    } catch (err) {
      setError(errorText({ code: "unknown", message: err instanceof Error ? err.message : String(err) }))
    } finally {
      setBusy(null)
    }
  }

  const invalid = (field: keyof FieldProblems) => (problems[field] ? { "aria-invalid": true, "aria-describedby": `c-team-${field}-error` } : {})

  if (status?.signedIn) {
    return (
      <div data-comptoir="team-server">
        <p data-comptoir="team-signed-in">
          {t("options.team.signedInAs", { email: status.user?.email ?? "", role: roleName(status.user?.role ?? "", t), team: status.team?.name ?? "" })}
          <br />
          <span className="c-muted">{t("options.team.server", { url: status.serverUrl ?? "" })}</span>
        </p>
        <SyncStatusLine status={status} details />
        <button type="button" className="c-button" disabled={busy !== null} onClick={() => void onSyncNow()} data-comptoir="sync-now">
          {busy === "sync" ? t("options.team.syncing") : t("options.team.syncNow")}
        </button>{" "}
        <button type="button" className="c-button c-button-secondary" onClick={() => void onLogout()} data-comptoir="team-sign-out">
          {t("options.team.signOut")}
        </button>
        {error ? (
          <p className="c-error" title={error.detail}>
            {error.text}
          </p>
        ) : null}
        <RefusedChanges conflictCount={status.conflicts} />
        <ChangePasswordForm />
      </div>
    )
  }

  return (
    <form onSubmit={(e) => void onLogin(e)} noValidate data-comptoir="team-server">
      <p className="c-muted">{t("options.team.intro")}</p>
      <div className="c-field">
        <label htmlFor="c-server-url">{t("options.team.serverUrl")}</label>
        <input id="c-server-url" type="url" required maxLength={300} value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} data-comptoir="team-server-url" {...invalid("serverUrl")} />
        <FieldProblem field="serverUrl" problems={problems} />
      </div>
      <div className="c-field">
        <label htmlFor="c-team-email">{t("options.team.email")}</label>
        <input id="c-team-email" type="email" required maxLength={254} autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} data-comptoir="team-email" {...invalid("email")} />
        <FieldProblem field="email" problems={problems} />
      </div>
      <div className="c-field">
        <label htmlFor="c-team-password">{t("options.team.password")}</label>
        <input
          id="c-team-password"
          type="password"
          required
          maxLength={200}
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          data-comptoir="team-password"
          {...invalid("password")}
        />
        <FieldProblem field="password" problems={problems} />
      </div>
      <button type="submit" className="c-button" disabled={busy !== null} data-comptoir="team-sign-in">
        {busy === "login" ? t("options.team.signingIn") : t("options.team.signIn")}
      </button>
      {error ? (
        <p className="c-error" data-comptoir="team-error" title={error.detail}>
          {error.text}
        </p>
      ) : null}
      {owed ? (
        <button type="button" className="c-button c-button-secondary" disabled={busy !== null} onClick={() => void onLogin(null, true)} data-comptoir="team-sign-in-discard">
          {t("options.team.signInDiscarding")}
        </button>
      ) : null}
      <SyncStatusLine status={status} details />
    </form>
  )
}

/** The role in the UI's words ("responsable" in French, as everywhere else); a role this build does not know, as the server named it. */
function roleName(role: string, t: (key: string) => string): string {
  return role === "agent" || role === "manager" || role === "admin" ? t(`options.team.roles.${role}`) : role
}

type FieldProblems = Partial<Record<"serverUrl" | "email" | "password", string>>

/** The sign-in's fields checked before anything is sent: an empty one, or an address the background could not reach. */
function fieldProblems(serverUrl: string, email: string, password: string, t: (key: string, values?: Record<string, string>) => string): FieldProblems {
  const found: FieldProblems = {}
  const url = serverUrl.trim()
  if (url === "") found.serverUrl = t("options.team.errors.serverUrlMissing")
  else if (!/^https?:\/\/[^\s/]/i.test(url)) found.serverUrl = t("options.team.errors.serverUrlScheme", { value: url })
  if (email.trim() === "") found.email = t("options.team.errors.emailMissing")
  if (password === "") found.password = t("options.team.errors.passwordMissing")
  return found
}

function FieldProblem({ field, problems }: { field: keyof FieldProblems; problems: FieldProblems }) {
  const text = problems[field]
  return text ? (
    <span className="c-error" id={`c-team-${field}-error`} data-comptoir="team-field-error" data-field={field}>
      {text}
    </span>
  ) : null
}
