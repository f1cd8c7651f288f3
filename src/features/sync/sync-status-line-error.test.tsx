// @vitest-environment jsdom
import { cleanup, render } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it } from "vitest"

import { createI18n, type UiLanguage } from "~src/i18n"
import type { SyncStatus } from "~src/messaging/contract"

import { SyncStatusLine } from "./sync-status-line"

const signedIn: SyncStatus = {
  signedIn: true,
  serverUrl: "http://127.0.0.1:8787",
  user: { email: "anne@example.fr", name: "Anne", role: "agent" },
  team: { id: "t1", name: "Boulangeries" },
  lastSyncedAt: 1_764_900_000_000,
  pending: 1,
  conflicts: 0,
  lastError: null,
  progress: null,
  firstUpload: null
}
const unreachable = { code: "offline", message: "NetworkError when attempting to fetch resource.", at: 1_764_900_060_000 }

afterEach(cleanup)

function line(status: SyncStatus, language: UiLanguage = "fr") {
  const { container } = render(
    <I18nextProvider i18n={createI18n(language)}>
      <SyncStatusLine status={status} />
    </I18nextProvider>
  )
  return container.querySelector<HTMLElement>('[data-comptoir="sync-status"]')!
}

describe("the sync line when the last sync failed", () => {
  it("says in one French sentence that the server is unreachable and the change waits for it", () => {
    expect(line({ ...signedIn, lastError: unreachable }).textContent).toBe(
      "Serveur d'équipe injoignable — 1 modification en attente, envoyée dès son retour."
    )
  })

  it("says it in English in the English interface, with the count formatted", () => {
    expect(line({ ...signedIn, pending: 2000, lastError: unreachable }, "en").textContent).toBe(
      "Team server unreachable — 2,000 changes waiting, sent when it is back."
    )
  })

  it("keeps the address and the browser's own words for the hover, out of the line", () => {
    const shown = line({ ...signedIn, lastError: unreachable })
    expect(shown.textContent).not.toMatch(/127\.0\.0\.1|NetworkError/)
    expect(shown.title).toContain("http://127.0.0.1:8787")
    expect(shown.title).toContain("NetworkError when attempting to fetch resource.")
  })

  it("tells an expired session, a server failure with its status and a refused change apart, in French", () => {
    expect(line({ ...signedIn, lastError: { code: "unauthorized", message: "bad token", at: 1 } }).textContent).toMatch(/^Session expirée/)
    const failed = line({ ...signedIn, lastError: { code: "server", message: "HTTP 503", status: 503, at: 1 } }).textContent
    expect(failed).toMatch(/^Erreur du serveur d'équipe \(503\)/)
    expect(line({ ...signedIn, lastError: { code: "rejected", message: "invalid field", status: 422, at: 1 } }).textContent).toMatch(/refusée?/)
  })

  it("shows no English words of the sync module in the French line, whatever the code", () => {
    for (const code of ["offline", "unauthorized", "forbidden", "client-too-old", "server-too-old", "server", "rejected", "bad-reply", "not-signed-in", "whatever"]) {
      const text = line({ ...signedIn, lastError: { code, message: "the server at x cannot be reached", at: 1 } }).textContent ?? ""
      expect(text, code).not.toMatch(/cannot be reached|the server at/)
      cleanup()
    }
  })
})
