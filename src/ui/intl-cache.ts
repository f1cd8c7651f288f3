/**
 * Intl formatters made once and kept (issue #9): building an `Intl.DateTimeFormat` costs ~0.2 ms (ICU's pattern
 * generator), formatting with one already built ~2 µs, and the softphone's dock formatted a date per row of its
 * "to log" list and call history at each render, on the renderer thread the offscreen document's getUserMedia
 * waits for. `Date.prototype.toLocaleString(locale, options)` builds one each time too.
 *
 * A formatter with no `timeZone` of its own is made for the device's zone as it is when it is asked for: the
 * key holds that zone, so a zone changed at runtime (the OS's setting; `process.env.TZ` in the tests) gets a new
 * formatter, never the one made for the old zone.
 */

/**
 * This device's IANA zone ("Europe/Paris"), or "" where the engine names none. `Intl.DateTimeFormat()` is as dear
 * to build as any formatter, so the zone is read again only when the clock's offsets at a few instants (winter and
 * summer, of this year and of earlier years whose rules differ from place to place) are not the ones seen when it
 * was last read: `getTimezoneOffset` follows the zone at once (the engine's date cache is reset with it) and costs
 * well under a microsecond. Two zones with the same offsets at all those instants (Paris and Berlin) format these
 * years' instants the same.
 */
export function deviceTimeZone(): string {
  const seen = offsetsNow()
  if (zone === null || seen !== zone.offsets) zone = { offsets: seen, name: Intl.DateTimeFormat().resolvedOptions().timeZone ?? "" }
  return zone.name
}

const year = new Date().getUTCFullYear()
const PROBES = [1975, 1985, 1995, 2005, 2015, year].flatMap((y) => [new Date(Date.UTC(y, 0, 15)), new Date(Date.UTC(y, 6, 15))])
let zone: { offsets: string; name: string } | null = null

function offsetsNow(): string {
  let s = ""
  for (const d of PROBES) s += `${d.getTimezoneOffset()},`
  return s
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>()
const numberFormats = new Map<string, Intl.NumberFormat>()
/** Enough for every locale × option set the UI uses; past it the oldest go (a Map keeps insertion order). */
const MAX_KEPT = 200

function keep<T>(cache: Map<string, T>, key: string, make: () => T): T {
  const kept = cache.get(key)
  if (kept !== undefined) return kept
  const made = make()
  if (cache.size >= MAX_KEPT) cache.delete(cache.keys().next().value as string)
  cache.set(key, made)
  return made
}

/** `new Intl.DateTimeFormat(locale, options)`, the same formatter again for the same locale, options and zone. */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  const device = options.timeZone === undefined ? deviceTimeZone() : ""
  // The device's zone is given explicitly: the formatter kept is the one for that zone, whatever it becomes.
  const opts = device ? { ...options, timeZone: device } : options
  return keep(dateTimeFormats, `${locale}|${JSON.stringify(opts)}`, () => new Intl.DateTimeFormat(locale, opts))
}

/** `new Intl.NumberFormat(locale, options)`, the same formatter again for the same locale and options. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return keep(numberFormats, `${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options))
}
