// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import { createI18n } from "~src/i18n"

import { TeamServerSection } from "./team-server-section"

const sent = vi.hoisted(() => [] as { name: string; req: unknown }[])
vi.mock("~src/messaging/send", () => ({
  send: vi.fn(async (name: string, req: unknown) => {
    sent.push({ name, req })
    if (name === "sync/status") return { signedIn: false, pending: 0, conflicts: 0 }
    if (name === "auth/login") return { ok: false, status: { signedIn: false, pending: 0, conflicts: 0 }, error: { code: "bad-credentials", message: "" } }
    return {}
  })
}))

beforeEach(() => {
  sent.length = 0
})
afterEach(() => {
  cleanup()
})

function open(language: "fr" | "en") {
  return render(
    <I18nextProvider i18n={createI18n(language)}>
      <TeamServerSection />
    </I18nextProvider>
  )
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } })
const signIn = (container: HTMLElement) => fireEvent.submit(container.querySelector('[data-comptoir="team-server"]')!)
const logins = () => sent.filter((s) => s.name === "auth/login")

describe("the options page's team sign-in", () => {
  it("says in French that the e-mail and the password are missing, beside their fields, and sends nothing", async () => {
    const { container } = open("fr")
    signIn(container)
    expect(await screen.findByText("Saisissez votre e-mail.")).toBeTruthy()
    expect(screen.getByText("Saisissez votre mot de passe.")).toBeTruthy()
    expect(screen.getByLabelText("E-mail").getAttribute("aria-invalid")).toBe("true")
    expect(logins()).toHaveLength(0)
  })

  it("says in English that a server address needs http:// or https://, quoting what was typed, and sends nothing", async () => {
    const { container } = open("en")
    type("Server address", "comptoir.example.com")
    type("Email", "claire@example.com")
    type("Password", "secret")
    signIn(container)
    expect(await screen.findByText("“comptoir.example.com” is not a server address: it starts with http:// or https://, e.g. https://comptoir.example.com.")).toBeTruthy()
    expect(logins()).toHaveLength(0)
  })

  it("does not let the browser draw its own bubbles over the form, in the browser's language", () => {
    const { container } = open("fr")
    expect(container.querySelector("form")!.noValidate).toBe(true)
  })

  it("signs in once the three fields are filled, with the address and e-mail trimmed", async () => {
    const { container } = open("en")
    type("Server address", " https://comptoir.example.com ")
    type("Email", " claire@example.com")
    type("Password", "secret")
    signIn(container)
    await vi.waitFor(() => expect(logins()).toHaveLength(1))
    expect(logins()[0]!.req).toMatchObject({ serverUrl: "https://comptoir.example.com", email: "claire@example.com", password: "secret" })
    expect(screen.queryByText(/is not a server address|Enter your/)).toBeNull()
  })
})
