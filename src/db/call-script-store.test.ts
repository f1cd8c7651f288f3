import "fake-indexeddb/auto"

import { describe, expect, it } from "vitest"

import { duplicateScript } from "~src/domain/scripts/script-editor"
import { shippedScripts } from "~src/domain/scripts/script-library"

import { CallScriptStore } from "./call-script-store"
import { ComptoirDb } from "./database"

let n = 0
const storeAs = (role: string | null) => {
  const db = new ComptoirDb(`scripts-test-${++n}`)
  return { db, store: new CallScriptStore(db, () => Promise.resolve(role)) }
}
const advice = () => shippedScripts().find((s) => s.id === "builtin-inbound-advice")!

describe("the team's call scripts on this device", () => {
  it("lists the shipped scripts when the table is empty", async () => {
    const { store } = storeAs(null)
    const listed = await store.list()
    expect(listed.scripts.map((s) => s.id).sort()).toEqual(shippedScripts().map((s) => s.id).sort())
    expect(listed.canEdit).toBe(true)
  })

  it("a manager saves a team copy; it is listed first and written to the replicated table", async () => {
    const { db, store } = storeAs("manager")
    const copy = duplicateScript(advice(), "inbound-advice", 1)
    expect(await store.save(copy, 10)).toEqual({ ok: true })
    const listed = await store.list()
    expect(listed.scripts[0]).toMatchObject({ id: "inbound-advice", builtin: false, updatedAt: 10 })
    expect(await db.callScripts.get("inbound-advice")).toMatchObject({ id: "inbound-advice" })
  })

  it("refuses an agent's save and delete, and tells the page the agent may not edit", async () => {
    const { db, store } = storeAs("agent")
    expect((await store.list()).canEdit).toBe(false)
    const r = await store.save(duplicateScript(advice(), "mine", 1), 10)
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/manager or an admin/) })
    expect(await db.callScripts.count()).toBe(0)
    expect(await store.delete("mine")).toMatchObject({ ok: false })
  })

  it("refuses to change or delete a shipped script: it is duplicated to be changed", async () => {
    const { store } = storeAs("admin")
    expect(await store.save({ ...advice(), name: { fr: "X", en: "X" } }, 1)).toMatchObject({ ok: false, error: expect.stringMatching(/duplicate/) })
    expect(await store.delete(advice().id)).toMatchObject({ ok: false })
  })

  it("refuses a script with an answer leading nowhere, with the problem in words", async () => {
    const { store } = storeAs(null)
    const copy = duplicateScript(advice(), "broken", 1)
    copy.steps[0]!.choices[0]!.next = "nowhere"
    const r = await store.save(copy, 1)
    expect(r).toMatchObject({ ok: false, problems: expect.arrayContaining([{ at: "steps.welcome.choices.product", code: "nextMissing", params: { step: "nowhere" }, message: 'leads to a step that does not exist: "nowhere"' }]) })
  })

  it("deletes a team script; the shipped ones stay", async () => {
    const { store } = storeAs("manager")
    await store.save(duplicateScript(advice(), "team-welcome", 1), 2)
    expect(await store.delete("team-welcome")).toEqual({ ok: true })
    expect((await store.list()).scripts.map((s) => s.id)).not.toContain("team-welcome")
    expect((await store.list()).scripts).toHaveLength(shippedScripts().length)
  })
})
