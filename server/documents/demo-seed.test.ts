import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { UNREACHED, type CallLog } from "../../src/domain/calls/call-log.schema"
import type { Customer, Product } from "../../src/domain/customers/customer.schema"
import type { PaymentRecord } from "../../src/domain/documents/document.schema"
import { DEFAULT_DUNNING_SCHEDULE, type DunningLevel } from "../../src/domain/documents/dunning"
import type { AnyDoc, CreditNoteDoc } from "../../src/domain/documents/flow"
import { toRows } from "../../src/domain/documents/listing"
import { addDaysIso } from "../../src/domain/documents/payment-terms"
import { computeTotals } from "../../src/domain/documents/totals"
import type { Mutation } from "../../src/domain/sync/protocol"
import { issueToken } from "../auth/users"
import { seedDemo } from "../seed-demo"
import { clientId, TestServer } from "../test/harness"
import { todayInParis } from "./issue"

describe("the demo team's paperwork", () => {
  let server: TestServer
  let teamId: string
  let token: string
  beforeAll(async () => {
    server = await TestServer.start("pglite")
    teamId = (await seedDemo(server.db, { customers: 300 })).teamId
    const [user] = await server.db.query<{ user_id: string }>("SELECT user_id FROM users WHERE email = 'agent1@demo.comptoir.test'")
    token = (await issueToken(server.db, "session", { userId: user!.user_id, teamId }, 3_600_000)).token
  }, 90_000)
  afterAll(async () => server?.close())
  const seeded = async <T>(table: string): Promise<T[]> =>
    (await server.db.query<{ data: T }>("SELECT data FROM rows WHERE team_id = $1 AND table_name = $2 AND NOT deleted", [teamId, table])).map((r) => r.data)

  it("holds quotes, orders, invoices, payments and call logs", async () => {
    const counts = await server.db.query<{ table_name: string; n: number }>("SELECT table_name, count(*)::int AS n FROM rows WHERE team_id = $1 GROUP BY table_name", [teamId])
    const by = Object.fromEntries(counts.map((c) => [c.table_name, c.n]))
    for (const t of ["quotes", "orders", "invoices", "creditNotes", "payments", "callLogs"]) expect(by[t], t).toBeGreaterThan(0)
  })

  it("seeds its UK and US customers' quotes, orders and invoices without French VAT (exports)", async () => {
    const docs = await server.db.query<{ vat: number; country: string }>(
      `SELECT (d.data->>'totalVatCents')::int AS vat, c.data->>'country' AS country FROM rows d JOIN rows c ON c.team_id = d.team_id AND c.table_name = 'customers' AND c.id = d.data->>'customerId'
       WHERE d.team_id = $1 AND d.table_name IN ('quotes', 'orders', 'invoices', 'creditNotes')`,
      [teamId]
    )
    const abroad = docs.filter((d) => d.country !== "FR")
    expect(abroad.length).toBeGreaterThan(0)
    expect(abroad.filter((d) => d.vat !== 0)).toEqual([])
    expect(docs.some((d) => d.country === "FR" && d.vat > 0)).toBe(true)
  })

  it("numbers the next quote after the seeded ones, never reusing one", async () => {
    const year = Number(todayInParis().slice(0, 4))
    // Expected from the seeded documents themselves, not from the counter the issuing code reads.
    const seeded = await server.db.query<{ n: string }>("SELECT data->>'number' AS n FROM rows WHERE team_id = $1 AND table_name = 'quotes' AND data->>'number' LIKE $2", [teamId, `DEV-${year}-%`])
    expect(seeded.length).toBeGreaterThan(0)
    const highest = Math.max(...seeded.map((r) => Number(r.n.slice(-5))))
    const lines = [{ id: "l1", label: "Gants", quantityMilli: 1000, unitPriceCents: 1000, discountBp: 0, vatRateBp: 2000 }]
    const { totalExclVatCents, totalVatCents, totalInclVatCents } = computeTotals(lines)
    const [customer] = await server.db.query<{ id: string }>("SELECT id FROM rows WHERE team_id = $1 AND table_name = 'customers' LIMIT 1", [teamId])
    const doc = { id: "q-after-seed", type: "quote", status: "draft", customerId: customer!.id, language: "fr", date: todayInParis(), validUntil: "2099-01-01", paymentTerms: { kind: "net", days: 30 }, lines, totalExclVatCents, totalVatCents, totalInclVatCents, createdAt: 1, updatedAt: 1 }
    const cid = clientId()
    const created = await server.push(token, cid, [{ mid: 1, table: "quotes", op: "put", key: doc.id, fields: doc, baseVersion: 0 } as Mutation])
    expect(created.conflicts).toEqual([])
    const sent = await server.push(token, cid, [{ mid: 2, table: "quotes", op: "put", key: doc.id, fields: { status: "sent" }, baseVersion: created.version } as Mutation])
    expect(sent.conflicts).toEqual([])
    const [row] = await server.db.query<{ data: { number: string } }>("SELECT data FROM rows WHERE team_id = $1 AND table_name = 'quotes' AND id = 'q-after-seed'", [teamId])
    expect(row!.data.number).toBe(`DEV-${year}-${String(highest + 1).padStart(5, "0")}`)
    const same = await server.db.query("SELECT 1 FROM rows WHERE team_id = $1 AND table_name = 'quotes' AND data->>'number' = $2", [teamId, row!.data.number])
    expect(same).toHaveLength(1)
  })

  it("spreads its overdue invoices over the reminder levels, counted from the day it was seeded, with reminders already sent", async () => {
    const today = todayInParis()
    const docs = [...(await seeded<AnyDoc>("invoices")), ...(await seeded<AnyDoc>("creditNotes"))]
    const customers = await seeded<Customer>("customers")
    const rows = toRows(docs, {
      today,
      customers: new Map(customers.map((c) => [c.id, c])),
      payments: await seeded<PaymentRecord>("payments"),
      creditNotes: docs.filter((d): d is CreditNoteDoc => d.type === "credit-note"),
      schedule: DEFAULT_DUNNING_SCHEDULE
    }).filter((r) => r.dunning !== null)
    const at = (level: DunningLevel | null) => rows.filter((r) => r.dunning!.reached === level)
    // Friendly at 7 days overdue, firm at 15, formal notice at 30: several invoices at each, and some not due yet.
    expect({ notYet: at(null).length >= 2, friendly: at("friendly").length >= 3, firm: at("firm").length >= 3, formal: at("formal-notice").length >= 3 }).toEqual({ notYet: true, friendly: true, firm: true, formal: true })
    // A team's list: most invoices past a level already had that reminder; a few are due today, few were forgotten.
    const reminded = rows.filter((r) => r.dunning!.sent.length > 0)
    expect(reminded.length).toBeGreaterThan(rows.length / 2)
    expect(new Set(reminded.flatMap((r) => r.dunning!.sent.map((s) => s.level)))).toEqual(new Set(["friendly", "firm", "formal-notice"]))
    expect(rows.filter((r) => r.dunning!.due !== null).length).toBeGreaterThan(2)
    const forgotten = at("formal-notice").filter((r) => r.dunning!.sent.length === 0)
    expect(forgotten.length).toBeGreaterThan(0)
    expect(forgotten.length).toBeLessThan(at("formal-notice").length / 3)
    // Each reminder was sent once its level was reached, in order, before today (never later today), by a team member.
    const members = new Set((await server.db.query<{ email: string }>("SELECT email FROM users WHERE team_id = $1", [teamId])).map((u) => u.email))
    for (const r of reminded) {
      const sent = r.dunning!.sent
      for (const s of sent) {
        expect(s.at >= addDaysIso(r.dueDate!, DEFAULT_DUNNING_SCHEDULE[s.level]) && s.at < today, `${r.number} ${s.level} on ${s.at}, due ${r.dueDate}`).toBe(true)
        expect(members.has(s.by), s.by).toBe(true)
      }
      expect(sent.map((s) => s.at)).toEqual(sent.map((s) => s.at).sort())
    }
  })

  it("notes each call as its outcome says: nothing said on a call nobody answered, the outcome's words on the others", async () => {
    // The words a note must hold for each outcome, in French or English (the customer's language).
    const says: Record<string, RegExp> = {
      "order-taken": /commande|order/i,
      "quote-requested": /devis|quote/i,
      "appointment-set": /rendez-vous|meeting/i,
      "call-back": /rappeler|call back/i,
      "information-given": /renseigné|explications|told|explained/i,
      "not-interested": /pas de besoin|pas intéressé|no need|not interested/i,
      voicemail: /^(Message laissé sur le répondeur|Left a voicemail)$/
    }
    const calls = await seededCalls()
    expect(new Set(calls.map((c) => c.outcome)).size).toBeGreaterThanOrEqual(6)
    const wrong = calls.filter((c) => (c.outcome === "no-answer" ? c.notes !== "" : !(says[c.outcome] ?? /$^/).test(c.notes)))
    expect(wrong.map((c) => `${c.outcome}: "${c.notes}"`)).toEqual([])
    // Nobody spoken to: no conversation reported, and a call of a few seconds.
    const talked = /demande|souhaite|veut|commande|devis|asked|wants|order|quote|will/i
    for (const c of calls.filter((x) => UNREACHED.includes(x.outcome))) {
      expect(talked.test(c.notes), c.notes).toBe(false)
      expect(c.durationSeconds).toBeLessThanOrEqual(30)
    }
    // "Call back in two days": the call-back is set then.
    for (const c of calls.filter((x) => x.outcome === "call-back")) expect(c.callbackAt! - c.startedAt).toBeGreaterThan(86_400_000)
  })

  it("names as sales rep, on every customer, document and appointment, a member of the team", async () => {
    const names = new Set((await server.db.query<{ name: string }>("SELECT name FROM users WHERE team_id = $1", [teamId])).map((u) => u.name))
    const customers = await seeded<Customer>("customers")
    expect(customers.length).toBe(300)
    const reps = [
      ...customers.map((c) => c.salesRep),
      ...(await Promise.all(["quotes", "orders", "invoices", "creditNotes"].map((t) => seeded<{ salesRep: string | null }>(t)))).flat().map((d) => d.salesRep),
      ...(await seededCalls()).flatMap((c) => (c.appointment ? [c.appointment.salesRep] : []))
    ]
    expect([...new Set(reps.filter((r) => r !== null && !names.has(r)))]).toEqual([])
    expect(new Set(customers.map((c) => c.salesRep)).size).toBeGreaterThanOrEqual(3)
  })

  it("writes contacts' e-mails at their company's domain, its whole words and nothing cut off", async () => {
    const words = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean)
    const customers = await seeded<Customer>("customers")
    const bad: string[] = []
    const domains = new Map<string, string>()
    for (const c of customers) {
      const allowed = new Set([...words(c.company), ...words(c.addresses[0]?.city ?? "")])
      for (const e of c.contacts.flatMap((k) => k.emails)) {
        const domain = e.split("@")[1]!
        const label = domain.replace(/\.(fr|co\.uk|com)$/, "")
        if (!label.split("-").every((w) => allowed.has(w))) bad.push(`${c.company}: ${e}`)
        if (domains.has(domain) && domains.get(domain) !== c.id) bad.push(`${c.company} shares ${domain}`)
        domains.set(domain, c.id)
      }
    }
    expect(bad).toEqual([])
  })

  it("gives each French contact the title in the gender of their first name (Présidente, Directrice, Gérante for a woman)", async () => {
    const women = ["Amélie", "Céline", "Chloé", "Élodie", "Gaëlle", "Hélène", "Inès", "Léa", "Maëlle", "Noémie", "Océane", "Thérèse", "Valérie", "Zoé", "Béatrice", "Estelle", "Géraldine", "Isabelle", "Karine", "Manon", "Pascale", "Sandrine"]
    const men = ["Benoît", "Clément", "Émile", "François", "Jérôme", "Joël", "Léon", "Mathéo", "Rémi", "Sébastien", "Aurélien", "Damien", "Frédéric", "Hugo", "Julien", "Laurent", "Nicolas", "Quentin", "Thibault", "Vincent"]
    const customers = await seeded<Customer>("customers")
    const contacts = customers.filter((c) => c.country === "FR").flatMap((c) => c.contacts)
    const masculine = /^(Gérant|Directeur|Président|Assistant|Chef)\s/
    const feminine = /^(Gérante|Directrice|Présidente|Assistante|Cheffe)\s/
    const wrong = contacts.filter((k) => (women.includes(k.firstName) && masculine.test(`${k.role} `)) || (men.includes(k.firstName) && feminine.test(`${k.role} `)))
    expect(wrong.map((k) => `${k.firstName} ${k.lastName}, ${k.role}`)).toEqual([])
    expect(contacts.filter((k) => women.includes(k.firstName) && /^(Gérante|Présidente|Directrice)/.test(k.role ?? "")).length).toBeGreaterThan(0)
  })

  it("gives each British company a British legal form (Ltd, PLC, LLP) and each American one an American form (Inc., LLC, Corp.)", async () => {
    const customers = await seeded<Customer>("customers")
    const misplaced = customers.filter((c) => (c.country === "GB" && / (LLC|Inc\.|Corp\.)$/.test(c.company)) || (c.country === "US" && / (Ltd|PLC|LLP)$/.test(c.company)))
    expect(misplaced.map((c) => `${c.company} (${c.country})`)).toEqual([])
    expect(customers.some((c) => c.country === "GB" && / Ltd$/.test(c.company)) && customers.some((c) => c.country === "US" && / (Inc\.|LLC)$/.test(c.company))).toBe(true)
  })

  it("charges veterinary medicine at the standard 20 % VAT (2.1 % is for reimbursed human medicines and the press)", async () => {
    const vet = (await seeded<Product>("products")).filter((p) => /vétérinaire/i.test(p.nameFr))
    expect(vet.map((p) => p.vatRateBp)).toEqual([2000])
    const country = new Map((await seeded<Customer>("customers")).map((c) => [c.id, c.country]))
    const lines = (await seeded<AnyDoc>("invoices")).filter((d) => country.get(d.customerId) === "FR").flatMap((d) => d.lines).filter((l) => l.productId === vet[0]!.id)
    expect(lines.length).toBeGreaterThan(0)
    expect(new Set(lines.map((l) => l.vatRateBp))).toEqual(new Set([2000]))
  })

  it("shows a French customer's transfer typed wrong, cancelled with its reason, the invoice counting only the right transfer", async () => {
    const payments = await seeded<PaymentRecord>("payments")
    const cancellation = payments.find((p) => p.cancels !== undefined)
    expect(cancellation?.cancelReason).toMatch(/^Montant mal saisi : [\d\s\u202f]+,\d\d\s€ et non [\d\s\u202f]+,\d\d\s€$/)
    const typo = payments.find((p) => p.id === cancellation!.cancels)!
    const right = payments.find((p) => p.invoiceId === typo.invoiceId && p !== typo && p !== cancellation)!
    expect([typo.method, cancellation!.method, right.method]).toEqual(["transfer", "transfer", "transfer"])
    const invoices = await seeded<AnyDoc>("invoices")
    const customers = await seeded<Customer>("customers")
    expect(customers.find((c) => c.id === typo.customerId)?.country).toBe("FR")
    const [row] = toRows(invoices.filter((i) => i.id === typo.invoiceId), { today: todayInParis(), customers: new Map(customers.map((c) => [c.id, c])), payments, creditNotes: [], schedule: DEFAULT_DUNNING_SCHEDULE })
    expect(row).toMatchObject({ remainingCents: 0, paymentState: "paid", totalInclVatCents: right.amountCents })
    // The server's own rules read the seeded cancellation: a second one of the same transfer is refused, naming it.
    const again = { id: "demo-cancel-again", invoiceId: typo.invoiceId, customerId: typo.customerId, date: todayInParis(), amountCents: -typo.amountCents, method: "transfer", reference: "", createdAt: Date.now(), recordedBy: "agent1@demo.comptoir.test", cancels: typo.id, cancelReason: "Doublon" }
    const pushed = await server.push(token, clientId(), [{ mid: 1, table: "payments", op: "put", key: again.id, fields: again, baseVersion: 0 } as Mutation])
    expect(pushed.conflicts[0]).toMatchObject({ reason: "invalid", message: expect.stringContaining(`already cancelled on ${typo.date} by agent1@demo.comptoir.test`) })
  })

  const seededCalls = () => seeded<CallLog>("callLogs")
})
