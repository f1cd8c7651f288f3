// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it, vi } from "vitest"

import { createI18n } from "~src/i18n"

import { ExportSection } from "./export-section"

const downloaded = vi.hoisted(() => [] as string[])
vi.mock("./download", () => ({ downloadText: (name: string) => void downloaded.push(name) }))
vi.mock("~src/db/database", () => ({ getDb: () => ({}) }))
vi.mock("~src/db/customer-repository", () => ({ CustomerRepository: class { all = async () => [{ id: "c1", code: "C-1", company: "Acme", contacts: [], phones: [], emails: [] }] } }))
vi.mock("~src/db/product-repository", () => ({ ProductRepository: class { all = async () => [{ id: "p1", ref: "R-1", nameFr: "Gants", nameEn: "Gloves", unit: "u", unitPriceCents: 100, vatRateBp: 2000 }] } }))
vi.mock("~src/domain/import/export", () => ({ exportCustomersCsv: () => "csv", exportProductsCsv: () => "csv" }))

afterEach(() => {
  cleanup()
  vi.useRealTimers()
  downloaded.length = 0
})

describe("the export's file names", () => {
  it("carry France's day, as the documents do, at half past midnight in Paris (still the day before in UTC)", async () => {
    vi.useFakeTimers({ toFake: ["Date"] })
    vi.setSystemTime(new Date("2026-12-04T23:30:00Z"))
    render(
      <I18nextProvider i18n={createI18n("en")}>
        <ExportSection />
      </I18nextProvider>
    )
    fireEvent.click(screen.getByRole("button", { name: "Export customers (CSV)" }))
    fireEvent.click(screen.getByRole("button", { name: "Export catalog (CSV)" }))
    await vi.waitFor(() => expect(downloaded).toHaveLength(2))
    expect(downloaded.sort()).toEqual(["comptoir-customers-2026-12-05.csv", "comptoir-products-2026-12-05.csv"])
  })

  it("carry the day of the click, not the day the page was opened", async () => {
    vi.useFakeTimers({ toFake: ["Date"] })
    vi.setSystemTime(new Date("2026-12-04T10:00:00Z"))
    render(
      <I18nextProvider i18n={createI18n("en")}>
        <ExportSection />
      </I18nextProvider>
    )
    vi.setSystemTime(new Date("2026-12-06T10:00:00Z"))
    fireEvent.click(screen.getByRole("button", { name: "Export customers (CSV)" }))
    await vi.waitFor(() => expect(downloaded).toEqual(["comptoir-customers-2026-12-06.csv"]))
  })
})
