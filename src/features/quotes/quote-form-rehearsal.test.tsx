// @vitest-environment jsdom
import { act, cleanup, render, waitFor } from "@testing-library/react"
import { startTransition, Suspense, useState } from "react"
import { I18nextProvider } from "react-i18next"
import type * as ReactHookForm from "react-hook-form"
import { afterEach, describe, expect, it, vi } from "vitest"

import { createI18n } from "~src/i18n"

/** Counts the form's own hook: proof its code ran, whatever reaches the page. */
const formsRendered = vi.hoisted(() => ({ count: 0 }))
vi.mock("react-hook-form", async (original) => {
  const actual = await original<typeof ReactHookForm>()
  return {
    ...actual,
    useForm: ((...args: Parameters<typeof actual.useForm>) => {
      formsRendered.count++
      return actual.useForm(...args)
    }) as typeof actual.useForm
  }
})

const { QuoteFormRehearsal } = await import("./quote-form-rehearsal")

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  formsRendered.count = 0
  performance.clearMarks()
})

/** The page as the softphone tab holds it: a boundary already on screen, the rehearsal started in a transition. */
function Page({ onRendered }: { onRendered: () => void }) {
  const [on, setOn] = useState(false)
  return (
    <I18nextProvider i18n={createI18n("en")}>
      <p data-comptoir="call">The call</p>
      <button type="button" data-comptoir="rehearse" onClick={() => startTransition(() => setOn(true))}>
        rehearse
      </button>
      <Suspense fallback={<p data-comptoir="fallback">…</p>}>{on ? <QuoteFormRehearsal onRendered={onRendered} /> : null}</Suspense>
    </I18nextProvider>
  )
}

describe("the quote form rendered ahead (the softphone tab's first New quote)", () => {
  it("runs the form's render and puts nothing of it on the page: no form, no fallback, no message, no mark", async () => {
    const sendMessage = vi.fn(async () => ({ ok: false, error: "not in this test" }))
    vi.stubGlobal("chrome", { runtime: { sendMessage } })
    const onRendered = vi.fn()
    render(<Page onRendered={onRendered} />)
    await act(async () => document.querySelector<HTMLButtonElement>('[data-comptoir="rehearse"]')!.click())
    await waitFor(() => expect(onRendered).toHaveBeenCalled())
    expect(formsRendered.count).toBeGreaterThan(0)
    expect(document.querySelector('[data-comptoir="quote-form"]')).toBeNull()
    expect(document.querySelector('[data-comptoir="fallback"]')).toBeNull()
    expect(document.querySelector('[data-comptoir="call"]')?.textContent).toBe("The call")
    // Its effects never ran: the worker is asked nothing (the team's reps), the bench sees no form ready.
    expect(sendMessage).not.toHaveBeenCalled()
    expect(performance.getEntriesByName("comptoir:quote-form-ready")).toHaveLength(0)
  })
})
