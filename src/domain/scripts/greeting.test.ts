import { describe, expect, it } from "vitest"

import { greetingAt } from "./greeting"
import { variablesIn, fillTemplate, segmentsToText } from "./variables"

/** A moment of the agent's own day (the device's zone), whatever zone the tests run in. */
const at = (hour: number, minute = 0) => new Date(2026, 11, 7, hour, minute)

describe("the greeting a script says", () => {
  it("follows the agent's clock in English: morning before noon, afternoon before six, evening after", () => {
    expect(greetingAt(at(8, 30), "en")).toBe("Good morning")
    expect(greetingAt(at(11, 59), "en")).toBe("Good morning")
    expect(greetingAt(at(12, 0), "en")).toBe("Good afternoon")
    expect(greetingAt(at(17, 59), "en")).toBe("Good afternoon")
    expect(greetingAt(at(18, 0), "en")).toBe("Good evening")
    expect(greetingAt(at(22, 15), "en")).toBe("Good evening")
  })

  it("says « Bonjour » until six in the evening in French, « Bonsoir » after", () => {
    expect(greetingAt(at(9), "fr")).toBe("Bonjour")
    expect(greetingAt(at(14), "fr")).toBe("Bonjour")
    expect(greetingAt(at(17, 59), "fr")).toBe("Bonjour")
    expect(greetingAt(at(18, 0), "fr")).toBe("Bonsoir")
    expect(greetingAt(at(21), "fr")).toBe("Bonsoir")
  })

  it("is a variable of its own, {{greeting}}, filled in the text's language and a visible gap when not given", () => {
    expect(variablesIn("« {{greeting}}, {{agent.name}} »")).toEqual(["greeting", "agent.name"])
    const values = { greeting: { fr: "Bonsoir", en: "Good evening" }, "agent.name": "Marc" }
    expect(segmentsToText(fillTemplate("{{greeting}}, {{agent.name}}", values, "fr"))).toBe("Bonsoir, Marc")
    expect(segmentsToText(fillTemplate("{{greeting}}, {{agent.name}}", values, "en"))).toBe("Good evening, Marc")
    expect(segmentsToText(fillTemplate("{{greeting}}, {{agent.name}}", { "agent.name": "Marc" }))).toBe("[greeting], Marc")
  })
})
