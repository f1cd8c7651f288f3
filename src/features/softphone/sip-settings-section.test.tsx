// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import { createI18n } from "~src/i18n"

import { SipSettingsSection } from "./sip-settings-section"

const sent = vi.hoisted(() => [] as { name: string; req: unknown }[])
vi.mock("~src/messaging/send", () => ({
  send: vi.fn(async (name: string, req: unknown) => {
    sent.push({ name, req })
    if (name === "softphone/settings") return { settings: { provider: "none", sip: null, devices: { inputDeviceId: null, outputDeviceId: null } }, hasPassword: false }
    return { ok: true }
  })
}))

beforeEach(() => {
  sent.length = 0
})
afterEach(() => {
  cleanup()
})

async function openSip(language: "fr" | "en") {
  const view = render(
    <I18nextProvider i18n={createI18n(language)}>
      <SipSettingsSection />
    </I18nextProvider>
  )
  await vi.waitFor(() => expect(sent.some((s) => s.name === "softphone/settings")).toBe(true))
  fireEvent.change(screen.getByLabelText(language === "fr" ? "Téléphonie" : "Telephony"), { target: { value: "sip" } })
  return view
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } })
const save = (container: HTMLElement) => fireEvent.submit(container.querySelector('[data-comptoir="sip-settings"]')!)
const configures = () => sent.filter((s) => s.name === "softphone/configure")

describe("the softphone's SIP settings form", () => {
  it("says in French, beside each field, that the WebSocket URL and the SIP URI are missing, and saves nothing", async () => {
    const { container } = await openSip("fr")
    save(container)
    expect(await screen.findByText("Saisissez l'URL WebSocket de votre PBX, par exemple wss://pbx.example.com:8089/ws.")).toBeTruthy()
    expect(screen.getByText("Saisissez votre URI SIP, par exemple sip:agent1@pbx.example.com.")).toBeTruthy()
    expect(container.textContent).not.toContain("invalid_format")
    expect(screen.getByLabelText("URL WebSocket").getAttribute("aria-invalid")).toBe("true")
    expect(configures()).toHaveLength(0)
  })

  it("tells an http:// address from a WebSocket one, in English, and keeps what was typed", async () => {
    const { container } = await openSip("en")
    type("WebSocket URL", "http://pbx.example.com:8089/ws")
    type("SIP URI", "agent1@pbx.example.com")
    save(container)
    expect(await screen.findByText("“http://pbx.example.com:8089/ws” is not a WebSocket URL: it starts with ws:// or wss://, e.g. wss://pbx.example.com:8089/ws.")).toBeTruthy()
    expect(screen.getByText("“agent1@pbx.example.com” is not a SIP URI: it starts with sip:, e.g. sip:agent1@pbx.example.com.")).toBeTruthy()
    expect((screen.getByLabelText("WebSocket URL") as HTMLInputElement).value).toBe("http://pbx.example.com:8089/ws")
    expect(configures()).toHaveLength(0)
  })

  it("saves once both are right, and the field's error goes with the fix", async () => {
    const { container } = await openSip("en")
    save(container)
    expect(await screen.findByText(/Enter your PBX's WebSocket URL/)).toBeTruthy()
    type("WebSocket URL", "wss://pbx.example.com:8089/ws")
    type("SIP URI", "sip:agent1@pbx.example.com")
    save(container)
    expect(await screen.findByText("Saved: the softphone registers again.")).toBeTruthy()
    expect(screen.queryByText(/Enter your PBX's WebSocket URL/)).toBeNull()
    expect(configures()).toHaveLength(1)
    expect(configures()[0]!.req).toMatchObject({ settings: { provider: "sip", sip: { websocketUrl: "wss://pbx.example.com:8089/ws", uri: "sip:agent1@pbx.example.com" } } })
  })
})
