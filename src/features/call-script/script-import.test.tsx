// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it, vi } from "vitest"

import { duplicateScript } from "~src/domain/scripts/script-editor"
import { shippedScripts } from "~src/domain/scripts/script-library"
import type { CallScript } from "~src/domain/scripts/script.schema"
import { createI18n } from "~src/i18n"

import { ImportButton } from "./scripts-section"

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

/** The team's own script, "Welcome" (id `welcome`), made from a shipped one. */
const shipped = shippedScripts()[0]!
const team: CallScript = { ...duplicateScript(shipped, "welcome", 1), name: { fr: "Accueil", en: "Welcome" } }

/** The scripts page's import with the team's script, and what reaches the base. */
function showImport(language: "fr" | "en") {
  const saved: CallScript[] = []
  const onImported = vi.fn()
  vi.stubGlobal("chrome", {
    runtime: {
      sendMessage: vi.fn(async ({ type, payload }: { type: string; payload: { script: CallScript } }) => {
        if (type !== "scripts/save") return { ok: false, error: "not in this test" }
        saved.push(payload.script)
        return { ok: true, data: { ok: true } }
      })
    }
  })
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <ImportButton scripts={[shipped, team]} onImported={onImported} />
    </I18nextProvider>
  )
  return { saved, onImported }
}

/** The agent picks a JSON file holding `script`. */
function pickFile(script: CallScript) {
  const input = document.querySelector('[data-comptoir="script-import-file"]')!
  const file = new File([JSON.stringify(script)], "script.json", { type: "application/json" })
  fireEvent.change(input, { target: { files: [file] } })
}

const exported = { ...team, name: { fr: "Accueil v2", en: "Welcome v2" } }

describe("importing a script whose id the team already uses", () => {
  it("asks first, naming the script it would replace, and stores nothing yet", async () => {
    const { saved } = showImport("en")
    pickFile(exported)
    expect(await screen.findByRole("button", { name: "Replace the existing script « Welcome »" })).toBeTruthy()
    expect(screen.getByRole("button", { name: "Import as a copy" })).toBeTruthy()
    expect(screen.getByRole("alertdialog").textContent).toContain("A team script already has this id: « Welcome »")
    expect(saved).toEqual([])
  })

  it("replaces the team's script when the agent says so", async () => {
    const { saved, onImported } = showImport("en")
    pickFile(exported)
    fireEvent.click(await screen.findByRole("button", { name: "Replace the existing script « Welcome »" }))
    await vi.waitFor(() => expect(onImported).toHaveBeenCalledWith("welcome"))
    expect(saved.map((s) => [s.id, s.name.en])).toEqual([["welcome", "Welcome v2"]])
  })

  it("or imports it as a copy: a new id, its name marked as a copy, the team's script left as it was", async () => {
    const { saved, onImported } = showImport("en")
    pickFile(exported)
    fireEvent.click(await screen.findByRole("button", { name: "Import as a copy" }))
    await vi.waitFor(() => expect(onImported).toHaveBeenCalledWith("welcome-2"))
    expect(saved.map((s) => [s.id, s.name.fr, s.name.en])).toEqual([["welcome-2", "Accueil v2 (copie)", "Welcome v2 (copy)"]])
  })

  it("asks in French for a French agent, and cancelling stores nothing", async () => {
    const { saved, onImported } = showImport("fr")
    pickFile(exported)
    expect(await screen.findByRole("button", { name: "Remplacer le script existant « Accueil »" })).toBeTruthy()
    expect(screen.getByRole("button", { name: "Importer comme une copie" })).toBeTruthy()
    fireEvent.click(screen.getByRole("button", { name: "Annuler l'import" }))
    expect(screen.queryByRole("alertdialog")).toBeNull()
    expect(saved).toEqual([])
    expect(onImported).not.toHaveBeenCalled()
  })

  it("a script with a new id is imported at once, without a question", async () => {
    const { saved, onImported } = showImport("en")
    pickFile({ ...exported, id: "follow-up" })
    await vi.waitFor(() => expect(onImported).toHaveBeenCalledWith("follow-up"))
    expect(screen.queryByRole("alertdialog")).toBeNull()
    expect(saved.map((s) => s.id)).toEqual(["follow-up"])
  })
})
