import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { type Customer } from "../../src/domain/customers/customer.schema"
import { customerFromEdit, emptyContact, valuesFromCustomer } from "../../src/domain/customers/customer-edit"
import { customerFromForm } from "../../src/domain/customers/new-customer"
import { Devices, skipPostgres, TestServer, type TestTeam, type TestUser } from "../test/harness"

/**
 * A customer edited in the extension's editor reaches the team like the outbox sends it (the fields that changed):
 * the server accepts a valid edit and refuses, with its reason, what the editor would not let through (a SIREN
 * or VAT key, terms over the French cap) and a credit limit changed by an agent.
 */
for (const backend of ["pglite", "postgres"] as const) {
  describe.skipIf(backend === "postgres" && skipPostgres)(`a customer's edit on the server (${backend})`, () => {
    let server: TestServer
    let team: TestTeam
    const devices = new Devices(() => server)
    beforeAll(async () => {
      server = await TestServer.start(backend)
      team = await server.team("custedit")
    }, 90_000)
    afterAll(async () => server?.close())

    const push = (user: TestUser, key: string, fields: Record<string, unknown>) => devices.push(user, [{ table: "customers", op: "put", key, fields }])
    /** What the outbox sends for an edit: the top-level fields that changed. */
    const changed = (before: Customer, after: Customer) => Object.fromEntries(Object.entries(after).filter(([k, v]) => JSON.stringify(before[k as keyof Customer]) !== JSON.stringify(v)))
    async function stored(key: string) {
      const [row] = await server.db.query<{ data: Customer }>("SELECT data FROM rows WHERE team_id = $1 AND table_name = 'customers' AND id = $2", [team.id, key])
      return row?.data
    }

    const id = `019a0000-0000-7000-8000-00000000c${backend === "pglite" ? "01" : "02"}`
    const made = customerFromForm({ company: "Bistrot Lumière", contactName: "Marie Dupont", phone: "+33 6 12 34 56 78", email: "", language: "fr" }, { id, contactId: "ct-1", agentCountry: "FR", now: 1_000 })
    const env = { agentCountry: "FR", newId: () => "ct-2", now: 2_000, mayEditCreditLimit: false }

    it("accepts an agent's edit of a new customer (a contact with a phone, SIREN and VAT, terms, tags, an address), which the manager pulls", async () => {
      expect((await push(team.agent, id, made)).conflicts).toEqual([])
      const values = valuesFromCustomer(made, "fr")
      values.contacts.push({ ...emptyContact(), firstName: "Luc", lastName: "Martin", role: "Chef", phones: [{ number: "04 78 42 11 90" }] })
      const edited = customerFromEdit({ ...values, siren: "732829320", vatNumber: "FR44732829320", paymentTermsDays: "45", tags: "VIP", addresses: [{ label: "", line: "3 rue Mercière", postalCode: "69002", city: "Lyon", country: "FR" }] }, made, env)
      expect((await push(team.agent, id, changed(made, edited))).conflicts).toEqual([])
      expect(await stored(id)).toEqual(edited)
      const pulled = await server.pull(team.manager.token)
      expect(pulled.rows.find((r) => r.table === "customers" && r.key === id)?.data).toMatchObject({ contacts: [{ id: "ct-1" }, { id: "ct-2", phones: ["+33478421190"] }], siren: "732829320" })
    })

    it("refuses a SIREN or a French VAT number with a wrong key, and terms raised over 60 days, keeping the team's row", async () => {
      const before = await stored(id)
      for (const fields of [{ siren: "732829321" }, { vatNumber: "FR45732829320" }, { paymentTermsDays: 90 }]) {
        const r = await push(team.manager, id, fields)
        expect(r.conflicts).toMatchObject([{ reason: "invalid", key: id }])
      }
      expect(await stored(id)).toEqual(before)
    })

    it("lets a manager set the credit limit and refuses an agent's change of it", async () => {
      expect((await push(team.agent, id, { creditLimitCents: 1_000_000 })).conflicts).toMatchObject([{ reason: "forbidden", message: expect.stringMatching(/manager or an admin/) }])
      expect((await stored(id))?.creditLimitCents).toBeNull()
      expect((await push(team.manager, id, { creditLimitCents: 1_000_000 })).conflicts).toEqual([])
      expect((await stored(id))?.creditLimitCents).toBe(1_000_000)
    })
  })
}
