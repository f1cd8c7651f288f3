// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it, vi } from "vitest"

import { createI18n, type UiLanguage } from "~src/i18n"

import type { ImportProgress } from "./run-import"

const failure = vi.hoisted(() => ({ error: new Error("") as unknown, reached: null as ImportProgress | null }))

vi.mock("./import-job", () => ({
  runImportInWorker: async (_job: unknown, onProgress: (p: ImportProgress) => void) => {
    if (failure.reached) onProgress(failure.reached)
    throw failure.error
  }
}))
vi.mock("~src/messaging/send", () => ({ send: async () => ({ active: [], inactive: [] }) }))
vi.mock("~src/ui/app-shell", () => ({ useSettings: () => ({ defaultCountry: "FR" }) }))

const { ImportSection } = await import("./import-section")

afterEach(cleanup)

const FILES = { customers: "code;company\r\nC-1;Dupont SA\r\n", products: "ref;name_fr;unit_price;vat_rate\r\nP-1;Pain;1,20;5,5\r\n" }

/** Chooses a file on the import page; `unreadable`: the browser cannot read it any more (moved since it was chosen). */
async function chooseFile(kind: "customers" | "products", language: UiLanguage, unreadable?: unknown) {
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <ImportSection kind={kind} />
    </I18nextProvider>
  )
  const bytes = new TextEncoder().encode(FILES[kind])
  const file = { name: `${kind}.csv`, arrayBuffer: () => (unreadable ? Promise.reject(unreadable) : Promise.resolve(bytes.buffer)) }
  const input = document.querySelector<HTMLInputElement>(`[data-comptoir="import-${kind}"]`)!
  Object.defineProperty(input, "files", { value: [file] })
  fireEvent.change(input)
}

async function runImportThatFails(kind: "customers" | "products", language: UiLanguage, error: unknown, reached: ImportProgress | null) {
  Object.assign(failure, { error, reached })
  await chooseFile(kind, language)
  fireEvent.click(await screen.findByRole("button", { name: language === "fr" ? /Importer/ : /Import/ }))
  return screen.findByText((_, el) => el?.getAttribute("data-comptoir") === "import-error")
}

describe("an import that stops", () => {
  it("says in French that the browser's storage is full and that nothing was imported, the raw error in the hover", async () => {
    const full = Object.assign(new Error("QuotaExceededError: Encountered full disk while opening backing store"), { name: "QuotaExceededError" })
    const shown = await runImportThatFails("customers", "fr", full, { phase: "writing", fraction: 0.5, rows: 1 })
    expect(shown.textContent).toBe("L'import s'est arrêté : l'espace de stockage du navigateur est plein (rien n'a été importé).")
    expect(shown.getAttribute("title")).toContain("Encountered full disk")
  })

  it("says in English that the products written before the stop are kept, and not the raw English error", async () => {
    const shown = await runImportThatFails("products", "en", new TypeError("Cannot read properties of undefined (reading 'ref')"), { phase: "writing", fraction: 0.7, rows: 1 })
    expect(shown.textContent).toMatch(/^The import stopped: an unexpected error, .*\(the products written before it stopped are kept; run it again/)
    expect(shown.textContent).not.toContain("Cannot read properties")
    expect(shown.getAttribute("title")).toContain("Cannot read properties of undefined")
  })

  it("says nothing was imported when it stopped while the file was still being read", async () => {
    const shown = await runImportThatFails("products", "en", new RangeError("Invalid string length"), { phase: "reading", fraction: 0.2, rows: 1 })
    expect(shown.textContent).toBe("The import stopped: the file is too large for the browser to read at once, split it into several files (nothing was imported).")
  })

  it("says in French that the file could not be read when the browser cannot open it any more", async () => {
    await chooseFile("customers", "fr", Object.assign(new Error("The requested file could not be read"), { name: "NotReadableError" }))
    const shown = await screen.findByText((_, el) => el?.getAttribute("data-comptoir") === "import-error")
    expect(shown.textContent).toMatch(/^L'import s'est arrêté : le fichier n'a pas pu être lu.* \(rien n'a été importé\)\.$/)
    expect(shown.getAttribute("title")).toContain("could not be read")
  })
})
