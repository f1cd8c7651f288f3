import type { AnyDoc } from "~src/domain/documents/flow"
import { filterRows, sortRows, toRows } from "~src/domain/documents/listing"
import { defineHandler } from "~src/messaging/handler"

import { services } from "../../services"
import { readSession, teamNames } from "../../sync"
import { documents, dunningSchedule, today } from "./shared"

export const documentsList = defineHandler("documents/list", async (req) => {
  const [schedule, payments, creditNotes] = await Promise.all([dunningSchedule(), documents.payments(), documents.creditNotes()])
  const docs: AnyDoc[] =
    req.kind === "quotes" ? await documents.all("quote")
    : req.kind === "orders" ? await documents.all("order")
    : req.kind === "invoices" ? [...(await documents.all("invoice")), ...creditNotes]
    : (await documents.all("invoice")).filter((d) => d.status === "issued")
  const ids = [...new Set(docs.map((d) => d.customerId))]
  const customers = new Map((await services.customers.getMany(ids)).map((c) => [c.id, c]))
  const day = today()
  let rows = toRows(docs, { today: day, customers, payments, creditNotes, schedule })
  if (req.kind === "dunning") rows = rows.filter((r) => r.daysOverdue > 0)
  // The dunning list says what it shows of all ("3 of 9 overdue invoices shown"): the team's, whatever the search.
  const all = req.kind === "dunning" ? rows.length : undefined
  rows = sortRows(filterRows(rows, req), req.kind === "dunning" ? "overdue" : "date")
  // Who sent each reminder, by name, in the dunning list (the history keeps the e-mail).
  const names = req.kind === "dunning" ? await teamNames.of(await readSession()) : undefined
  return { rows: rows.slice(0, req.limit), total: rows.length, today: day, schedule, ...(names ? { names } : {}), ...(all !== undefined ? { all } : {}) }
})
