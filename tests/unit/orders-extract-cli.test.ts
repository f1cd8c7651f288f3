import { execFile } from "node:child_process"
import { join } from "node:path"
import { promisify } from "node:util"

import { describe, expect, it } from "vitest"

const root = join(import.meta.dirname, "..", "..")
const fixtures = join(root, "tests", "fixtures", "orders")

describe("npm run -s orders:extract (the hook for tests from outside, issue #11)", () => {
  it("prints one JSON object mapping each mail's base name to its order, PDF purchase orders included", async () => {
    const { stdout } = await promisify(execFile)(
      "npm",
      ["run", "-s", "orders:extract", "--", "--customers", join(fixtures, "customers.csv"), "--products", join(fixtures, "products.csv"), join(fixtures, "tuned", "fr-10-labo-pdf.eml"), join(fixtures, "tuned", "no-02-absence.eml"), join(fixtures, "tuned", "fr-42-chevalier-sans-bonjour.eml")],
      { cwd: root, timeout: 60_000 }
    )
    const out = JSON.parse(stdout) as Record<string, { is_order: boolean; customer_code: string | null; po_number: string | null; delivery_date: string | null; lines: unknown[]; confidence: Record<string, number> }>
    expect(Object.keys(out)).toEqual(["fr-10-labo-pdf", "no-02-absence", "fr-42-chevalier-sans-bonjour"])
    expect(out["fr-10-labo-pdf"]).toMatchObject({ is_order: true, order_decision: "order", customer_code: "C-00111", po_number: "BC-2026-114", delivery_date: "2026-03-17" })
    expect(out["fr-10-labo-pdf"]!.lines).toContainEqual({ ref: "GN-4410", quantity: 30, unit: "boîte" })
    expect(out["fr-10-labo-pdf"]!.confidence.customer_code).toBeGreaterThan(0.9)
    expect(out["no-02-absence"]).toMatchObject({ is_order: false, order_decision: "not-order", lines: [] })
    // "6 bte gants L / 2 bte gants M" and a first name: lines, but no words that order them. The rules' answer stays
    // is_order true, with its lines (what "Capture anyway" gives); order_decision says the agent is asked first.
    expect(out["fr-42-chevalier-sans-bonjour"]).toMatchObject({ is_order: true, order_decision: "ask" })
    expect(out["fr-42-chevalier-sans-bonjour"]!.lines.length).toBeGreaterThan(0)
  }, 60_000)

  it("reads a colleague's forward of a customer's order as that order once told the team's mail domain, as the extension is", async () => {
    const run = async (...flags: string[]) => {
      const { stdout } = await promisify(execFile)(
        "npm",
        ["run", "-s", "orders:extract", "--", "--customers", join(fixtures, "customers.csv"), "--products", join(fixtures, "products.csv"), ...flags, join(fixtures, "tuned", "en-20-thornton-fwd-chain.eml")],
        { cwd: root, timeout: 60_000 }
      )
      return (JSON.parse(stdout) as Record<string, { is_order: boolean; customer_code: string | null; lines: unknown[] }>)["en-20-thornton-fwd-chain"]!
    }
    const [told, byAgent, untold] = await Promise.all([run("--own-domain", "comptoir-fournitures.fr"), run("--agent", "claire.dubois@comptoir-fournitures.fr"), run()])
    expect(told).toMatchObject({ is_order: true, customer_code: "C-00203" })
    expect(told.lines).toHaveLength(2)
    expect(byAgent).toEqual(told)
    // Without it the colleague's words are taken for the customer's: no order (what the CLI always did before).
    expect(untold.is_order).toBe(false)
  }, 90_000)

  it("refuses an own domain that is no mail domain, with its usage", async () => {
    const failed = await promisify(execFile)("npm", ["run", "-s", "orders:extract", "--", "--customers", join(fixtures, "customers.csv"), "--products", join(fixtures, "products.csv"), "--own-domain", "not a domain", join(fixtures, "tuned", "no-02-absence.eml")], { cwd: root, timeout: 60_000 }).then(
      () => null,
      (e: { code?: number; stderr?: string }) => e
    )
    expect(failed?.code).toBe(2)
    expect(failed?.stderr).toContain("--own-domain takes a mail domain")
  }, 60_000)
})
