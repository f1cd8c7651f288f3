import { describe, expect, it } from "vitest"

import { formatDateTime, formatDay, formatDayLong, formatFranceDateTime, formatLocalDateTime, uiLang } from "./dates"

describe("dates in the interface's language", () => {
  it("writes an ISO day the French way in French and day first in English, never as ISO or month first", () => {
    expect(formatDay("2026-11-23", "fr")).toBe("23/11/2026")
    expect(formatDay("2026-11-23", "en")).toBe("23 Nov 2026")
    expect(formatDay("2026-12-03T09:41:00Z", "fr")).toBe("03/12/2026")
  })

  it("shows nothing for no date and leaves what is not an ISO day as it is", () => {
    expect(formatDay(null, "fr")).toBe("")
    expect(formatDay("jeudi prochain", "fr")).toBe("jeudi prochain")
  })

  it("writes an instant to the minute, without seconds, day first, in English with the month in letters", () => {
    const at = new Date(2026, 10, 17, 15, 42, 37).getTime()
    expect(formatDateTime(at, "fr")).toBe("17/11/2026 15:42")
    expect(formatDateTime(at, "en")).toBe("17 Nov 2026, 15:42")
    expect(formatDateTime(new Date(2026, 3, 12, 0, 5).getTime(), "en")).toBe("12 Apr 2026, 00:05")
  })

  it("writes a datetime-local input's wall-clock time as formatDateTime writes an instant, whatever this device's zone", () => {
    expect(formatLocalDateTime("2026-12-03T19:03", "fr")).toBe("03/12/2026 19:03")
    expect(formatLocalDateTime("2026-12-03T19:03", "en")).toBe("3 Dec 2026, 19:03")
    expect(formatLocalDateTime("2026-03-29T02:30", "fr")).toBe("29/03/2026 02:30")
    expect(formatLocalDateTime("2026-12-03T19", "fr")).toBe("2026-12-03T19")
  })

  it("writes a day out with its weekday, so a date input's order cannot be misread", () => {
    expect(formatDayLong("2026-12-10", "fr")).toBe("jeudi 10 décembre 2026")
    expect(formatDayLong("2026-12-10", "en")).toBe("Thursday 10 December 2026")
    expect(formatDayLong("2026-12-01", "fr")).toBe("mardi 1er décembre 2026")
    expect(formatDayLong("2026-12-01", "en")).toBe("Tuesday 1 December 2026")
    expect(formatDayLong("", "fr")).toBe("")
    expect(formatDayLong("2026-02-30", "en")).toBe("")
  })

  it("takes i18next's language codes, French unless English", () => {
    expect(uiLang("en")).toBe("en")
    expect(uiLang("en-GB")).toBe("en")
    expect(uiLang("fr-FR")).toBe("fr")
    expect(uiLang(undefined)).toBe("fr")
  })
})

describe("a document's history times, on France's clock like its dates", () => {
  const original = process.env.TZ
  const inZone = (tz: string, fn: () => void) => {
    process.env.TZ = tz
    try {
      fn()
    } finally {
      process.env.TZ = original
    }
  }
  // 23:30 in London on 4 December is 00:30 on the 5th in Paris, the day a payment recorded then is dated.
  const at = Date.parse("2026-12-04T23:30:00Z")

  it("tells the time in Paris, saying so, on a device in another zone", () => {
    inZone("Europe/London", () => {
      expect(formatFranceDateTime(at, "fr")).toBe("05/12/2026 00:30 (heure de Paris)")
      expect(formatFranceDateTime(at, "en")).toBe("5 Dec 2026, 00:30 (Paris time)")
    })
    inZone("America/New_York", () => expect(formatFranceDateTime(at, "en")).toBe("5 Dec 2026, 00:30 (Paris time)"))
  })

  it("says nothing more on a device in France, or one whose clock reads the same then", () => {
    inZone("Europe/Paris", () => expect(formatFranceDateTime(at, "fr")).toBe("05/12/2026 00:30"))
    inZone("Africa/Lagos", () => expect(formatFranceDateTime(at, "en")).toBe("5 Dec 2026, 00:30"))
  })
})
