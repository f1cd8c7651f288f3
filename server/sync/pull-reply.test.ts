import { describe, expect, it } from "vitest"

import { PullResponse } from "../../src/domain/sync/protocol"
import { PullReply } from "./routes"

const page = (data: unknown) => ({ rows: [{ table: "customers", key: "c1", version: 3, deleted: false, data }], cursor: "x", hasMore: false, version: 3 })

describe("the pull's reply check", () => {
  it("passes a row's data through as it is, without a copy", () => {
    const data = { name: "Boulangerie Martin", tags: ["a"], address: { city: "Lyon" } }
    const checked = PullReply.parse(page(data))
    expect(checked.rows[0]!.data).toBe(data)
    expect(checked).toEqual(PullResponse.parse(page(data)))
  })

  it("still refuses data that is not an object, and a row without its version", () => {
    expect(PullReply.safeParse(page(["not", "a", "record"])).success).toBe(false)
    expect(PullReply.safeParse(page("text")).success).toBe(false)
    expect(PullReply.safeParse({ ...page({}), rows: [{ table: "customers", key: "c1", deleted: false, data: {} }] }).success).toBe(false)
    expect(PullReply.safeParse(page(null)).success).toBe(true)
  })
})
