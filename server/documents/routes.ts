import type { FastifyInstance } from "fastify"
import * as z from "zod"

import { parseScaledDecimal } from "../../src/domain/documents/money"
import { computeTotals, type TotalsLine } from "../../src/domain/documents/totals"
import type { Authenticator } from "../auth/authenticator"
import { requireAuth } from "../http/auth-hook"
import { HttpError, type ZodTypeProvider } from "../http/zod"

/** The French rates, as percentages; 0 is an exempt line (the document then carries the exemption mention). */
const VAT_RATES = [20, 10, 5.5, 2.1, 0] as const

const TotalsRequest = z.strictObject({
  lines: z
    .array(
      z.strictObject({
        quantity: z.number().finite(),
        unitPriceCents: z.number().int().nonnegative().max(1e12),
        discountPercent: z.number().min(0).max(100).default(0),
        vatRate: z.number().refine((r) => (VAT_RATES as readonly number[]).includes(r), `the VAT rate must be one of ${VAT_RATES.join(", ")} %`)
      })
    )
    .min(1)
    .max(500)
})

const TotalsReply = z.object({
  lineNetCents: z.array(z.number().int()),
  vatByRate: z.array(z.object({ vatRate: z.number(), baseCents: z.number().int(), vatCents: z.number().int() })),
  totalExclVatCents: z.number().int(),
  totalVatCents: z.number().int(),
  totalInclVatCents: z.number().int()
})

/**
 * The totals the server would issue for these lines, computed by the same src/domain code as the extension,
 * so a client (or an integrator's script) can check its own before issuing. Decimal inputs are read as the
 * decimal text JSON gives them, never multiplied as floats.
 */
export function documentRoutes(app: FastifyInstance, authn: Authenticator): void {
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.post("/documents/totals", { preHandler: requireAuth(authn), schema: { body: TotalsRequest, response: { 200: TotalsReply } } }, async (req) => {
    const lines: TotalsLine[] = req.body.lines.map((l, i) => {
      const quantityMilli = parseScaledDecimal(String(l.quantity), 3, true)
      const discountBp = parseScaledDecimal(String(l.discountPercent), 2)
      const vatRateBp = parseScaledDecimal(String(l.vatRate), 2)
      if (quantityMilli === null || quantityMilli === 0) throw new HttpError(400, "bad-request", `lines.${i}.quantity: a quantity has at most three decimals and is not 0`)
      if (discountBp === null) throw new HttpError(400, "bad-request", `lines.${i}.discountPercent: a discount has at most two decimals`)
      return { quantityMilli, unitPriceCents: l.unitPriceCents, discountBp, vatRateBp: vatRateBp! }
    })
    let t
    try {
      t = computeTotals(lines)
    } catch (e) {
      throw new HttpError(400, "bad-request", e instanceof Error ? e.message : String(e))
    }
    return {
      lineNetCents: t.lineNetCents,
      vatByRate: t.vatByRate.map((v) => ({ vatRate: v.vatRateBp / 100, baseCents: v.baseCents, vatCents: v.vatCents })),
      totalExclVatCents: t.totalExclVatCents,
      totalVatCents: t.totalVatCents,
      totalInclVatCents: t.totalInclVatCents
    }
  })
}
