// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it, vi } from "vitest"

import { Customer } from "~src/domain/customers/customer.schema"
import { generateCustomers } from "~src/domain/demo/demo-data"
import { createI18n } from "~src/i18n"

import { CustomerEditor } from "./customer-editor"

const customer = Customer.parse(generateCustomers({ count: 1, seed: 5 }).map(({ writtenPhones: _w, ...c }) => c)[0])
const TEAM = ["Marc Lefèbvre", "Claire Dubois", "Sophie Martin"]

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

/** The editor for a customer whose file names `salesRep`, in a team of `members` (null: the background does not answer). */
function editCustomer(salesRep: string | null, members: string[] | null, language: "fr" | "en" = "en") {
  const updates: { values: { salesRep: string } }[] = []
  const sendMessage = vi.fn(async ({ type, payload }: { type: string; payload: { values: { salesRep: string } } }) => {
    if (type === "customers/edit-rights") return members === null ? { ok: false, error: "offline" } : { ok: true, data: { mayEditCreditLimit: false, teamMembers: members } }
    if (type === "customers/update") {
      updates.push(payload)
      return { ok: true, data: { ok: true, customer: { ...customer, salesRep: payload.values.salesRep || null } } }
    }
    return { ok: false, error: "not in this test" }
  })
  vi.stubGlobal("chrome", { runtime: { sendMessage } })
  const saved = vi.fn()
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <CustomerEditor customer={{ ...customer, salesRep }} agentCountry="FR" onSaved={saved} onCancel={() => undefined} />
    </I18nextProvider>
  )
  return { updates, saved }
}

const pick = async (label = "Sales rep") => {
  const select = (await screen.findByLabelText(label)) as HTMLSelectElement
  await vi.waitFor(() => expect(select.disabled).toBe(false))
  return select
}
const optionsOf = (select: HTMLSelectElement) => [...select.options].map((o) => o.textContent)
const selected = (select: HTMLSelectElement) => select.selectedOptions[0]?.textContent

describe("the customer editor's sales rep", () => {
  it("is a pick among the team's users, in alphabetical order, with nobody as a choice", async () => {
    editCustomer(null, TEAM)
    const select = await pick()
    expect(select.tagName).toBe("SELECT")
    expect(optionsOf(select)).toEqual(["— nobody —", "Claire Dubois", "Marc Lefèbvre", "Sophie Martin"])
    expect(selected(select)).toBe("— nobody —")
  })

  it("shows a name typed in another case and without its accent as the user it names", async () => {
    editCustomer("marc  LEFEBVRE", TEAM)
    const select = await pick()
    expect(selected(select)).toBe("Marc Lefèbvre")
    expect(screen.queryByText(/not one of the team's users/)).toBeNull()
  })

  it("shows a name no user goes by as itself, noted as outside the team, and saves it untouched", async () => {
    const { updates, saved } = editCustomer("Paul Girard", TEAM)
    const select = await pick()
    expect(selected(select)).toBe("Paul Girard (not a team member)")
    expect(screen.getByText("“Paul Girard” is not one of the team's users: kept as it is until you pick a member.")).toBeTruthy()
    fireEvent.click(screen.getByRole("button", { name: "Save" }))
    await vi.waitFor(() => expect(saved).toHaveBeenCalled())
    expect(updates[0]!.values.salesRep).toBe("Paul Girard")
  })

  it("stores the name of the user picked, as the team spells it", async () => {
    const { updates, saved } = editCustomer("Paul Girard", TEAM)
    fireEvent.change(await pick(), { target: { value: "Sophie Martin" } })
    expect(screen.queryByText(/not one of the team's users/)).toBeNull()
    fireEvent.click(screen.getByRole("button", { name: "Save" }))
    await vi.waitFor(() => expect(saved).toHaveBeenCalled())
    expect(updates[0]!.values.salesRep).toBe("Sophie Martin")
  })

  it("in French too", async () => {
    editCustomer("Paul Girard", TEAM, "fr")
    const select = await pick("Commercial")
    expect(selected(select)).toBe("Paul Girard (hors équipe)")
    expect(optionsOf(select)[0]).toBe("— personne —")
  })

  it("is typed when no team is known (not signed in, or the background cannot say)", async () => {
    editCustomer("Paul Girard", null)
    const typed = () => screen.getByLabelText(/^Sales rep/) as HTMLInputElement
    await vi.waitFor(() => expect(typed().tagName).toBe("INPUT"))
    expect(typed().value).toBe("Paul Girard")
    expect(screen.getByText("No team known here: type the name.")).toBeTruthy()
  })
})
