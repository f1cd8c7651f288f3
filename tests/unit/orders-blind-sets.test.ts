import { describe, expect, it } from "vitest"

import { corpusSets, isBlindSet, readSets } from "~bench/orders-corpus"

/**
 * A held-out set stays blind until a tuning round reads it: scripts that train or evaluate a model on the corpus
 * (scripts/train-line-tagger.ts) take readSets(), never a blind folder, so the blind figure is not spent.
 */
describe("which held-out sets a model may learn from", () => {
  it("counts held-out 6, 52, 53, 54 and 55 as blind and held-out 13, read in tune13, as tuning material (held-out 37 to 51 are h37-* to h51-* in tuned/ since tune37, tune38, tune40, tune42, tune44b, tune46m, tune48 and tune50b)", () => {
    expect(isBlindSet("held-out-6")).toBe(true)
    expect(isBlindSet("held-out-52")).toBe(true)
    expect(isBlindSet("held-out-53")).toBe(true)
    expect(isBlindSet("held-out-54")).toBe(true)
    expect(isBlindSet("held-out-55")).toBe(true)
    expect(isBlindSet("held-out-13")).toBe(false)
    expect(isBlindSet("tuned")).toBe(false)
  })

  it("counts a new held-out folder as blind until a tuning round reads it", () => {
    expect(isBlindSet("held-out-99")).toBe(true)
  })

  it("counts a folder named in ORDERS_BLIND_SETS as blind", () => {
    const before = process.env.ORDERS_BLIND_SETS
    process.env.ORDERS_BLIND_SETS = "held-out-13"
    try {
      expect(isBlindSet("held-out-13")).toBe(true)
    } finally {
      if (before === undefined) delete process.env.ORDERS_BLIND_SETS
      else process.env.ORDERS_BLIND_SETS = before
    }
  })

  it("gives the trainer tuned/ and the read folders, and no blind one", () => {
    expect(corpusSets()).toContain("held-out-6")
    expect(corpusSets()).toContain("held-out-52")
    expect(corpusSets()).toContain("held-out-53")
    expect(corpusSets()).toContain("held-out-54")
    expect(corpusSets()).toContain("held-out-55")
    expect(corpusSets()).not.toContain("held-out-29")
    expect(corpusSets()).not.toContain("held-out-30")
    expect(corpusSets()).not.toContain("held-out-31")
    expect(corpusSets()).not.toContain("held-out-32")
    expect(corpusSets()).not.toContain("held-out-33")
    expect(corpusSets()).not.toContain("held-out-34")
    expect(corpusSets()).not.toContain("held-out-35")
    expect(corpusSets()).not.toContain("held-out-36")
    expect(corpusSets()).not.toContain("held-out-37")
    expect(corpusSets()).not.toContain("held-out-38")
    expect(corpusSets()).not.toContain("held-out-39")
    expect(corpusSets()).not.toContain("held-out-40")
    expect(corpusSets()).not.toContain("held-out-41")
    expect(corpusSets()).not.toContain("held-out-42")
    expect(corpusSets()).not.toContain("held-out-43")
    expect(corpusSets()).not.toContain("held-out-44")
    expect(corpusSets()).not.toContain("held-out-45")
    expect(corpusSets()).not.toContain("held-out-46")
    expect(corpusSets()).not.toContain("held-out-47")
    expect(corpusSets()).not.toContain("held-out-48")
    expect(corpusSets()).not.toContain("held-out-49")
    expect(corpusSets()).not.toContain("held-out-50")
    expect(corpusSets()).not.toContain("held-out-51")
    expect(readSets()).toContain("tuned")
    expect(readSets()).toContain("held-out-13")
    expect(readSets()).not.toContain("held-out-6")
    expect(readSets()).not.toContain("held-out-31")
    expect(readSets()).not.toContain("held-out-32")
    expect(readSets()).not.toContain("held-out-33")
    expect(readSets()).not.toContain("held-out-34")
    expect(readSets()).not.toContain("held-out-35")
    expect(readSets()).not.toContain("held-out-36")
    expect(readSets()).not.toContain("held-out-37")
    expect(readSets()).not.toContain("held-out-39")
    expect(readSets()).not.toContain("held-out-40")
    expect(readSets()).not.toContain("held-out-41")
    expect(readSets()).not.toContain("held-out-42")
    expect(readSets()).not.toContain("held-out-43")
    expect(readSets()).not.toContain("held-out-48")
    expect(readSets()).not.toContain("held-out-49")
    expect(readSets()).not.toContain("held-out-50")
    expect(readSets()).not.toContain("held-out-51")
    expect(readSets()).not.toContain("held-out-52")
    expect(readSets()).not.toContain("held-out-53")
    expect(readSets()).not.toContain("held-out-54")
    expect(readSets()).not.toContain("held-out-55")
  })
})
