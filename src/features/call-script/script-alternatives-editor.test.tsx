// @vitest-environment jsdom
import { cleanup, fireEvent, render, waitFor } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import { duplicateScript } from "~src/domain/scripts/script-editor"
import { shippedScripts } from "~src/domain/scripts/script-library"
import type { CallScript } from "~src/domain/scripts/script.schema"
import { createI18n } from "~src/i18n"

import { ScriptEditor } from "./script-editor"

/** The team's own copy of the prospecting script, whose "propose" step has its agent-is-rep variant. */
const prospecting = () => duplicateScript(shippedScripts().find((s) => s.id === "builtin-outbound-prospecting")!, "prospecting", 1)
/** The same copy with no variant anywhere, as a team script made before variants existed. */
const plain = (): CallScript => {
  const s = prospecting()
  return { ...s, steps: s.steps.map(({ alternatives: _, ...step }) => step), objections: s.objections.map(({ alternatives: _, ...o }) => o) }
}

beforeEach(() => {
  // The preview asks who the agent is; nobody is signed in here.
  vi.stubGlobal("chrome", { runtime: { sendMessage: vi.fn(async () => ({ ok: false, error: "not in this test" })) } })
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

function editor(initial: CallScript, language: "fr" | "en" = "en", readOnly = false) {
  const saved: CallScript[] = []
  const onSave = vi.fn(async (s: CallScript) => {
    saved.push(s)
    return { ok: true }
  })
  const { container } = render(
    <I18nextProvider i18n={createI18n(language)}>
      <ScriptEditor initial={initial} readOnly={readOnly} isNew={false} onSave={onSave} />
    </I18nextProvider>
  )
  const step = (id: string) => container.querySelector(`[data-comptoir="script-step-editor"][data-step-id="${id}"]`)!
  const field = (name: string) => container.querySelector<HTMLTextAreaElement>(`[name="${name}"]`)!
  const condition = (name: string) => container.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!.selectedOptions[0]!.textContent
  const save = async () => {
    const button = container.querySelector<HTMLButtonElement>('[data-comptoir="script-save"]')!
    expect(button.disabled).toBe(false)
    fireEvent.click(button)
    await waitFor(() => expect(saved.length).toBeGreaterThan(0))
    return saved[saved.length - 1]!
  }
  return { container, step, field, condition, save }
}

describe("a step's variants in the script editor", () => {
  it("shows the variant said when the agent is the customer's rep, its condition in words, in English and in French", () => {
    const en = editor(prospecting(), "en", true)
    const variant = en.step("propose").querySelector('[data-comptoir="script-alternative"]')!
    expect(variant.textContent).toContain("Variant 1")
    expect(en.condition("steps.propose.alternatives.0.when")).toBe("When you are the customer's sales rep")
    expect(en.field("steps.propose.alternatives.0.prompt.en").value).toMatch(/a meeting with you \(“Shall I come and see you next week\?”\)/)
    expect(variant.querySelector("label span")!.textContent).toBe("Variant 1")
    // A shipped script is read only: its variants are read, not changed.
    expect(en.container.querySelector('[data-comptoir="script-add-alternative"]')).toBeNull()
    cleanup()
    const fr = editor(prospecting(), "fr")
    expect(fr.condition("steps.propose.alternatives.0.when")).toBe("Quand vous êtes le commercial du client")
    expect(fr.step("propose").textContent).toContain("À dire à la place · FR")
    expect(fr.step("propose").textContent).toContain("Ajouter une variante")
  })

  it("shows a long prompt and its variant whole, French and English the same height", () => {
    const e = editor(prospecting(), "en", true)
    const rows = (name: string) => Number(e.field(name).getAttribute("rows"))
    expect(rows("steps.propose.alternatives.0.prompt.fr")).toBeGreaterThanOrEqual(5)
    expect(rows("steps.propose.alternatives.0.prompt.en")).toBe(rows("steps.propose.alternatives.0.prompt.fr"))
    expect(rows("steps.propose.prompt.fr")).toBeGreaterThanOrEqual(4)
  })

  it("adds a variant starting from the usual prompt, edits it, and saves it with the script", async () => {
    const e = editor(plain())
    expect(e.step("hook").querySelectorAll('[data-comptoir="script-alternative"]')).toHaveLength(0)
    fireEvent.click(e.step("hook").querySelector('[data-comptoir="script-add-alternative"]')!)
    expect(e.field("steps.hook.alternatives.0.prompt.fr").value).toBe(e.field("steps.hook.prompt.fr").value)
    fireEvent.change(e.field("steps.hook.alternatives.0.prompt.en"), { target: { value: "“{{contact.first_name}}, it's {{agent.name}}, your account manager. Do you have two minutes?”" } })
    fireEvent.change(e.field("steps.hook.alternatives.0.prompt.fr"), { target: { value: "« {{contact.first_name}}, c'est {{agent.name}}, votre commercial. Avez-vous deux minutes ? »" } })
    const saved = await e.save()
    expect(saved.steps.find((s) => s.id === "hook")!.alternatives).toEqual([
      {
        when: "agent-is-rep",
        prompt: { fr: "« {{contact.first_name}}, c'est {{agent.name}}, votre commercial. Avez-vous deux minutes ? »", en: "“{{contact.first_name}}, it's {{agent.name}}, your account manager. Do you have two minutes?”" }
      }
    ])
  })

  it("removes a variant, and the saved script no longer has it", async () => {
    const e = editor(duplicateScript(prospecting(), "prospecting", 2))
    fireEvent.click(e.step("propose").querySelector('[data-comptoir="script-remove-alternative"]')!)
    expect(e.step("propose").querySelectorAll('[data-comptoir="script-alternative"]')).toHaveLength(0)
    expect((await e.save()).steps.find((s) => s.id === "propose")!.alternatives ?? []).toEqual([])
  })

  it("stops adding once each condition has its variant, and says why", () => {
    const e = editor(plain())
    const add = () => e.step("close").querySelector<HTMLButtonElement>('[data-comptoir="script-add-alternative"]')!
    fireEvent.click(add())
    expect(e.step("close").querySelectorAll('[data-comptoir="script-alternative"]')).toHaveLength(1)
    expect(add().disabled).toBe(true)
    expect(add().title).toBe("Each condition already has its variant.")
    expect(e.container.querySelector('[data-comptoir="script-problem"]')).toBeNull()
  })

  it("stops adding at four variants, and says that a repeated condition would never be said", () => {
    // A file imported with four variants of one condition: the editor shows them, adds none, and names the three that
    // could never be said.
    const s = plain()
    const four = s.steps.map((step) => (step.id === "close" ? { ...step, alternatives: [1, 2, 3, 4].map((n) => ({ when: "agent-is-rep" as const, prompt: { fr: `Variante ${n}`, en: `Variant ${n}` } })) } : step))
    const e = editor({ ...s, steps: four })
    const add = e.step("close").querySelector<HTMLButtonElement>('[data-comptoir="script-add-alternative"]')!
    expect(e.step("close").querySelectorAll('[data-comptoir="script-alternative"]')).toHaveLength(4)
    expect(add.disabled).toBe(true)
    expect(add.title).toBe("At most 4 variants.")
    const problems = [...e.container.querySelectorAll('[data-comptoir="script-problem"]')].map((p) => p.textContent)
    expect(problems).toContain("steps.close.alternatives.1.when : an earlier variant has the same condition: this one would never be said")
    expect(problems).toContain("steps.close.alternatives.3.when : an earlier variant has the same condition: this one would never be said")
  })

  it("says in words that a variant left empty needs a text", () => {
    const e = editor(plain(), "fr")
    fireEvent.click(e.step("close").querySelector('[data-comptoir="script-add-alternative"]')!)
    fireEvent.change(e.field("steps.close.alternatives.0.prompt.fr"), { target: { value: "" } })
    fireEvent.change(e.field("steps.close.alternatives.0.prompt.en"), { target: { value: " " } })
    const problems = [...e.container.querySelectorAll('[data-comptoir="script-problem"]')].map((p) => p.textContent)
    expect(problems).toContainEqual(expect.stringMatching(/alternatives\.0\.prompt : un texte doit être en français ou en anglais/))
  })
})

describe("an objection's variants in the script editor", () => {
  it("adds, edits and saves a response said instead when the agent is the rep", async () => {
    const e = editor(plain())
    const objection = e.container.querySelector('[data-comptoir="script-objection-editor"][data-objection-id="send-email"]')!
    fireEvent.click(objection.querySelector('[data-comptoir="script-add-alternative"]')!)
    expect(objection.textContent).toContain("Respond instead · EN")
    fireEvent.change(e.field("objections.send-email.alternatives.0.response.en"), { target: { value: "“Of course, I'll write to you myself tonight.”" } })
    const saved = await e.save()
    expect(saved.objections.find((o) => o.id === "send-email")!.alternatives).toEqual([
      { when: "agent-is-rep", response: { fr: plain().objections.find((o) => o.id === "send-email")!.response.fr, en: "“Of course, I'll write to you myself tonight.”" } }
    ])
  })
})

describe("the editor's preview of a script with variants", () => {
  it("says the variant once run as the customer's sales rep, the usual text otherwise", () => {
    const e = editor(duplicateScript(prospecting(), "prospecting", 2))
    const preview = e.container.querySelector('[data-comptoir="script-preview"]')!
    const walkToProposal = () => {
      for (const c of ["through", "yes", "qualified"]) fireEvent.click(preview.querySelector(`[data-comptoir="script-choice"][data-choice-id="${c}"]`)!)
      return preview.querySelector(".c-script-prompt")!.textContent
    }
    expect(walkToProposal()).toMatch(/a meeting with Julien Moreau, a priced quote/)
    fireEvent.click(preview.querySelector('[data-comptoir="script-preview-as-rep"]')!)
    expect(preview.querySelector(".c-script-prompt")!.textContent).toMatch(/a meeting with you \(“Shall I come and see you next week\?”\)/)
  })
})
