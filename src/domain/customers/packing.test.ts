import { describe, expect, it } from "vitest"

import { applyToBucket, BUCKET_COUNT, bucketOf, keyChanges, SEGMENT_COUNT, segmentOf, type BucketEntries } from "./packing"

describe("the customer layout", () => {
  it("spreads 100,000 ids over the segments without a hot spot", () => {
    const counts = new Array<number>(SEGMENT_COUNT).fill(0)
    for (let i = 0; i < 100_000; i++) counts[segmentOf(`0190a1b2-${i.toString(16).padStart(4, "0")}-7abc-8def-${i}`)]!++
    expect(Math.max(...counts)).toBeLessThan((100_000 / SEGMENT_COUNT) * 1.6)
    expect(Math.min(...counts)).toBeGreaterThan((100_000 / SEGMENT_COUNT) * 0.5)
  })

  it("puts a key in the same bucket every time, within range", () => {
    expect(bucketOf("t:+33123456789")).toBe(bucketOf("t:+33123456789"))
    expect(bucketOf("e:a@b.fr")).toBeLessThan(BUCKET_COUNT)
  })

  it("computes the keys a customer gains and loses", () => {
    expect(keyChanges("c1", ["t:+331", "e:a@b.fr"], ["t:+331", "t:+332"])).toEqual([
      { key: "e:a@b.fr", customerId: "c1", op: "remove" },
      { key: "t:+332", customerId: "c1", op: "add" }
    ])
  })

  it("keeps every customer sharing a key, once each, and drops emptied keys", () => {
    const b: BucketEntries = {}
    applyToBucket(b, [
      { key: "t:+331", customerId: "a", op: "add" },
      { key: "t:+331", customerId: "b", op: "add" },
      { key: "t:+331", customerId: "a", op: "add" }
    ])
    expect(b).toEqual({ "t:+331": ["a", "b"] })
    applyToBucket(b, [
      { key: "t:+331", customerId: "a", op: "remove" },
      { key: "t:+331", customerId: "b", op: "remove" }
    ])
    expect(b).toEqual({})
  })
})
