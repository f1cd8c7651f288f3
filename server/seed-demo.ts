import { Customer } from "../src/domain/customers/customer.schema"
import { generateCustomers, generateProducts } from "../src/domain/demo/demo-data"
import { generateDemoDocuments } from "../src/domain/demo/demo-documents"
import { generateDemoPricing } from "../src/domain/demo/demo-pricing"
import { DEMO_SELLER } from "../src/domain/demo/demo-seller"
import { DOCUMENT_TABLES } from "../src/domain/documents/document.schema"
import { CallScript } from "../src/domain/scripts/script.schema"
import { SHIPPED_SCRIPTS } from "../src/domain/scripts/shipped"
import type { Role } from "../src/domain/sync/tables"
import { createTeam, createUser, DEMO_PASSWORD, setPassword } from "./auth/users"
import { verifyPassword } from "./auth/passwords"
import type { Db } from "./db/db"
import { todayInParis } from "./documents/issue"

export const DEMO_TEAM = "Comptoir Démo"
/** Printed at start: a demo on 127.0.0.1, never a production secret (the password policy refuses it elsewhere). */
export { DEMO_PASSWORD }

export const DEMO_USERS: ReadonlyArray<{ email: string; name: string; role: Role }> = [
  { email: "admin@demo.comptoir.test", name: "Alice Admin", role: "admin" },
  { email: "manager@demo.comptoir.test", name: "Claire Dubois", role: "manager" },
  { email: "agent1@demo.comptoir.test", name: "Marc Lefèbvre", role: "agent" },
  { email: "agent2@demo.comptoir.test", name: "Sophie Martin", role: "agent" }
]

export interface SeedResult {
  created: boolean
  teamId: string
  logins: { email: string; role: Role; password: string }[]
  rows: number
}

/** The demo team with its users, customers and catalog, written as sync rows; does nothing if it exists. */
export async function seedDemo(db: Db, opts: { customers?: number } = {}): Promise<SeedResult> {
  const logins = DEMO_USERS.map((u) => ({ email: u.email, role: u.role, password: DEMO_PASSWORD }))
  const [existing] = await db.query<{ team_id: string }>("SELECT team_id FROM teams WHERE name = $1", [DEMO_TEAM])
  if (existing) return { created: false, teamId: existing.team_id, logins, rows: 0 }

  const customers = generateCustomers({ count: opts.customers ?? 2000 }).map(({ writtenPhones: _w, ...c }) => Customer.parse(c))
  const products = generateProducts()
  const paperwork = generateDemoDocuments(customers, products, todayInParis())
  const rows = [
    ...customers.map((c) => ({ t: "customers", k: c.id, d: c as unknown })),
    ...products.map((p) => ({ t: "products", k: p.id, d: p as unknown })),
    ...paperwork.documents.map((d) => ({ t: DOCUMENT_TABLES[d.type], k: d.id, d: d as unknown })),
    ...paperwork.payments.map((p) => ({ t: "payments", k: p.id, d: p as unknown })),
    ...paperwork.callLogs.map((c) => ({ t: "callLogs", k: String(c.id), d: c as unknown })),
    // The company on the demo team's quotes and invoices (a manager fills it in the options page for a real team).
    { t: "teamSettings", k: "seller", d: { id: "seller", seller: DEMO_SELLER, quoteValidityDays: 30, updatedAt: Date.now() } as unknown },
    // The shipped scripts, as the team's (a manager edits them in the workspace).
    ...SHIPPED_SCRIPTS.map((s) => CallScript.parse(s)).map((s) => ({ t: "callScripts", k: s.id, d: s as unknown })),
    // A customer with a discount and one with special prices (the quote form prefills them).
    ...generateDemoPricing(customers, products, Date.now(), paperwork.overLimitCustomerId).map((p) => ({ t: "customerPrices", k: p.id, d: p as unknown }))
  ]
  return db.transaction(async (tx) => {
    const teamId = await createTeam(tx, DEMO_TEAM)
    // Set after creation: the password policy (rightly) refuses the demo password to everything but this seed.
    for (const u of DEMO_USERS) await setPassword(tx, (await createUser(tx, { teamId, ...u, password: null })).id, DEMO_PASSWORD)
    const [team] = await tx.query<{ version: number }>("UPDATE teams SET version = version + 1 WHERE team_id = $1 RETURNING version", [teamId])
    for (let i = 0; i < rows.length; i += 1000) {
      await tx.query(
        `INSERT INTO rows (team_id, table_name, id, data, version, deleted)
         SELECT $1, r.t, r.k, r.d, $2, false FROM jsonb_to_recordset($3::jsonb) AS r(t text, k text, d jsonb)`,
        [teamId, team!.version, JSON.stringify(rows.slice(i, i + 1000))]
      )
    }
    for (const n of paperwork.lastNumbers) {
      await tx.query("INSERT INTO document_numbers (team_id, doc_type, year, last) VALUES ($1, $2, $3, $4)", [teamId, n.type, n.year, n.last])
    }
    return { created: true, teamId, logins, rows: rows.length }
  })
}

/**
 * Accounts that still sign in with the demo password. Only the demo seed can set it (the password policy
 * refuses it to every route and to the admin command), so the demo team and the demo emails are checked,
 * not every account: scrypt costs ~60 ms a hash, too slow for a start over thousands of users.
 */
export async function accountsWithDemoPassword(db: Db): Promise<string[]> {
  const users = await db.query<{ email: string; password_hash: string }>(
    `SELECT u.email, u.password_hash FROM users u JOIN teams t ON t.team_id = u.team_id
     WHERE u.password_hash IS NOT NULL AND (t.name = $1 OR lower(u.email) = ANY($2::text[]))`,
    [DEMO_TEAM, DEMO_USERS.map((u) => u.email.toLowerCase())]
  )
  const found: string[] = []
  for (const u of users) if (await verifyPassword(DEMO_PASSWORD, u.password_hash)) found.push(u.email)
  return found
}
