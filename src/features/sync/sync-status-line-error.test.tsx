// @vitest-environment jsdom
import { cleanup, render } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it, vi } from "vitest"

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

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

function line(status: SyncStatus, language: UiLanguage = "fr") {
  const { container } = render(
    <I18nextProvider i18n={createI18n(language)}>
      <SyncStatusLine status={status} />
    </I18nextProvider>
  )
  return container.querySelector<HTMLElement>('[data-comptoir="sync-status"]')!
}

const sentence = (shown: HTMLElement) => shown.querySelector('[data-comptoir="sync-error"]')?.textContent

describe("the sync line when the last sync failed", () => {
  it("says in one French sentence that the server is unreachable and the change waits for it", () => {
    expect(sentence(line({ ...signedIn, lastError: unreachable }))).toBe(
      "Serveur d'équipe injoignable — 1 modification en attente, envoyée dès son retour."
    )
  })

  it("says it in English in the English interface, with the count formatted", () => {
    expect(sentence(line({ ...signedIn, pending: 2000, lastError: unreachable }, "en"))).toBe(
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

describe("the sync line tells when the last sync that worked was, without hovering", () => {
  // Local wall-clock instants: the line reads this device's clock, whatever the machine's time zone.
  const at = (day: number, hour: number, minute: number) => new Date(2026, 11, day, hour, minute).getTime()

  it("gives the time of today's last sync after the error, in French", () => {
    vi.useFakeTimers({ now: at(6, 16, 5), toFake: ["Date"] })
    const shown = line({ ...signedIn, lastSyncedAt: at(6, 14, 32), lastError: { ...unreachable, at: at(6, 16, 4) } })
    expect(shown.textContent).toBe(
      "Serveur d'équipe injoignable — 1 modification en attente, envoyée dès son retour. Dernière synchronisation à 14:32."
    )
  })

  it("gives the time in English in the English interface", () => {
    vi.useFakeTimers({ now: at(6, 16, 5), toFake: ["Date"] })
    const shown = line({ ...signedIn, lastSyncedAt: at(6, 14, 32), lastError: { ...unreachable, at: at(6, 16, 4) } }, "en")
    expect(shown.querySelector('[data-comptoir="sync-last"]')?.textContent).toBe("Last synced at 14:32.")
  })

  it("gives the day too when the last sync was on another day, a sync failing for days being worth seeing", () => {
    vi.useFakeTimers({ now: at(6, 16, 5), toFake: ["Date"] })
    const status = { ...signedIn, lastSyncedAt: at(3, 9, 15), lastError: { ...unreachable, at: at(6, 16, 4) } }
    expect(line(status).querySelector('[data-comptoir="sync-last"]')?.textContent).toBe("Dernière synchronisation le 03/12/2026 09:15.")
    cleanup()
    expect(line(status, "en").querySelector('[data-comptoir="sync-last"]')?.textContent).toBe("Last synced on 3 Dec 2026, 09:15.")
  })

  it("says it never synced when no sync ever worked", () => {
    expect(line({ ...signedIn, lastSyncedAt: null, lastError: unreachable }).querySelector('[data-comptoir="sync-last"]')?.textContent).toBe(
      "Jamais synchronisé."
    )
  })
})

describe("the progress of a first download", () => {
  const receiving = (language: UiLanguage, progress: NonNullable<SyncStatus["progress"]>) => {
    const { container } = render(
      <I18nextProvider i18n={createI18n(language)}>
        <SyncStatusLine status={{ ...signedIn, progress }} />
      </I18nextProvider>
    )
    return container.querySelector('[data-comptoir="sync-progress"]')!.textContent
  }

  it("groups the rows' digits as every other count: 12,345 of 50,000 in English, 12 345 sur 50 000 in French", () => {
    expect(receiving("en", { pulled: 12_345, total: 50_000 })).toBe("Receiving the team's base: 12,345 of 50,000")
    cleanup()
    expect(receiving("fr", { pulled: 12_345, total: null })).toBe("Réception de la base de l'équipe : 12\u202f345 lignes reçues")
  })
})
