import { describe, expect, it } from "vitest"

import { createCsvReader, type CsvRow } from "./parse"
import { importInSlices } from "./slices"

const file = (n: number): string => "code\n" + Array.from({ length: n }, (_, i) => `C-${i}`).join("\n") + "\n"

describe("importInSlices", () => {
  it("feeds every row once, in order, yielding between slices and reporting progress up to 1", async () => {
    const seen: string[] = []
    const progress: number[] = []
    let yields = 0
    const report = await importInSlices(createCsvReader(file(10_000)), (rows) => seen.push(...rows.map((r) => r.cells[0]!)), {
      onProgress: (p) => progress.push(p.fraction),
      yieldToUi: async () => {
        yields++
      }
    })
    expect(seen).toEqual(Array.from({ length: 10_000 }, (_, i) => `C-${i}`))
    expect(report.rows).toBe(10_000)
    expect(yields).toBe(report.slices)
    expect(progress).toEqual([...progress].sort((a, b) => a - b))
    expect(progress.at(-1)).toBe(1)
  })

  it("shrinks slices when rows are slow and grows them when they are fast, to stay near the time budget", async () => {
    let now = 0
    const sizes: number[] = []
    const sink = (costPerRowMs: number) => (rows: CsvRow[]) => {
      sizes.push(rows.length)
      now += rows.length * costPerRowMs
    }
    await importInSlices(createCsvReader(file(3000)), sink(0.1), { clock: () => now, yieldToUi: async () => {}, budgetMs: 10, firstSliceRows: 500 })
    expect(sizes.slice(0, 4)).toEqual([500, 250, 125, 100])
    sizes.length = 0
    await importInSlices(createCsvReader(file(20_000)), sink(0.001), { clock: () => now, yieldToUi: async () => {}, budgetMs: 10, firstSliceRows: 500 })
    expect(sizes.slice(0, 5)).toEqual([500, 1000, 2000, 4000, 5000])
  })

  it("stops when the user cancels", async () => {
    const controller = new AbortController()
    let rows = 0
    const run = importInSlices(createCsvReader(file(10_000)), (r) => {
      rows += r.length
      controller.abort(new Error("cancelled by the user"))
    }, { signal: controller.signal, yieldToUi: async () => {} })
    await expect(run).rejects.toThrow("cancelled by the user")
    expect(rows).toBe(500)
  })
})
