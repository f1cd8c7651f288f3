import { afterEach, describe, expect, it, vi } from "vitest"

import { agentTimeZone } from "~src/features/call-outcome/outcome-form"

import { formatDateTime, formatDay } from "./dates"
import { dateTimeFormat, deviceTimeZone, numberFormat } from "./intl-cache"

const original = process.env.TZ
afterEach(() => {
  if (original === undefined) delete process.env.TZ
  else process.env.TZ = original
  vi.restoreAllMocks()
})

// 23:30 in London on 4 December is 00:30 on the 5th in Paris and 18:30 in New York; 3 July is in summer time.
const winter = Date.parse("2026-12-04T23:30:00Z")
const summer = Date.parse("2026-07-03T11:05:00Z")

describe("dates formatted with kept formatters", () => {
  it("writes an instant as a formatter made for it alone did, in every zone the device is put in while running", () => {
    for (const zone of ["Europe/London", "Europe/Paris", "America/New_York", "Asia/Kolkata", "Europe/Paris", "UTC"]) {
      process.env.TZ = zone
      for (const at of [winter, summer]) {
        expect(formatDateTime(at, "fr")).toBe(new Date(at).toLocaleString("fr-FR", { dateStyle: "short", timeStyle: "short" }))
        const parts = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(at)
        const part = (type: string) => parts.find((p) => p.type === type)?.value
        expect(formatDateTime(at, "en")).toBe(`${part("day")} ${part("month")} ${part("year")}, ${part("hour")}:${part("minute")}`)
      }
    }
  })

  it("follows the device's zone when it changes, never formatting with the old zone's formatter", () => {
    process.env.TZ = "Europe/London"
    expect(formatDateTime(winter, "fr")).toBe("04/12/2026 23:30")
    process.env.TZ = "Europe/Paris"
    expect(formatDateTime(winter, "fr")).toBe("05/12/2026 00:30")
    expect(formatDateTime(winter, "en")).toBe("5 Dec 2026, 00:30")
    process.env.TZ = "America/New_York"
    expect(formatDateTime(winter, "en")).toBe("4 Dec 2026, 18:30")
    expect(deviceTimeZone()).toBe("America/New_York")
    expect(agentTimeZone()).toBe("America/New_York")
    process.env.TZ = "Europe/London"
    expect(formatDateTime(winter, "fr")).toBe("04/12/2026 23:30")
    expect(agentTimeZone()).toBe("Europe/London")
  })

  it("makes a date formatter once and uses it again for the next row", () => {
    process.env.TZ = "Europe/Paris"
    formatDateTime(winter, "en")
    formatDay("2026-11-23", "en")
    const made = vi.spyOn(Intl, "DateTimeFormat")
    expect(formatDateTime(summer, "en")).toBe("3 Jul 2026, 13:05")
    expect(formatDateTime(winter, "en")).toBe("5 Dec 2026, 00:30")
    expect(formatDay("2026-12-03", "en")).toBe("3 Dec 2026")
    expect(made).not.toHaveBeenCalled()
  })

  it("reads the agent's zone once, not at each render of the dock, until the device's zone changes", () => {
    process.env.TZ = "Europe/Paris"
    agentTimeZone()
    const made = vi.spyOn(Intl, "DateTimeFormat")
    expect(agentTimeZone()).toBe("Europe/Paris")
    expect(agentTimeZone()).toBe("Europe/Paris")
    expect(made).not.toHaveBeenCalled()
    process.env.TZ = "Asia/Tokyo"
    expect(agentTimeZone()).toBe("Asia/Tokyo")
    expect(made).toHaveBeenCalledTimes(1)
  })

  it("keeps one formatter per locale, options and zone", () => {
    process.env.TZ = "Europe/Paris"
    expect(dateTimeFormat("fr-FR", { day: "numeric" })).toBe(dateTimeFormat("fr-FR", { day: "numeric" }))
    expect(dateTimeFormat("fr-FR", { day: "numeric" })).not.toBe(dateTimeFormat("en-GB", { day: "numeric" }))
    expect(dateTimeFormat("fr-FR", { day: "numeric" })).not.toBe(dateTimeFormat("fr-FR", { day: "numeric", timeZone: "UTC" }))
    const paris = dateTimeFormat("fr-FR", { hour: "2-digit" })
    process.env.TZ = "Asia/Tokyo"
    expect(dateTimeFormat("fr-FR", { hour: "2-digit" })).not.toBe(paris)
    expect(dateTimeFormat("fr-FR", { hour: "2-digit" }).resolvedOptions().timeZone).toBe("Asia/Tokyo")
    expect(numberFormat("fr-FR", { style: "currency", currency: "EUR" })).toBe(numberFormat("fr-FR", { style: "currency", currency: "EUR" }))
    expect(numberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(1234.5)).toBe(new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(1234.5))
  })
})
