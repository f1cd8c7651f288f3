import type { BaseProfile } from "~src/domain/detect/base-profile"
import { otherCountries } from "~src/domain/detect/base-profile"
import { pagePattern } from "~src/domain/detect/code-shapes"
import type { Settings } from "~src/domain/settings/settings.schema"
import { compileCodePattern, SETTINGS_DEFAULTS } from "~src/domain/settings/settings-values"
import { startPageScanner, type DetectionOptions, type FoundItem, type PageScanner } from "~src/features/page-scan/page-scanner"
import type { CustomerMatch } from "~src/messaging/contract"
import { watchBaseGeneration } from "~src/ui/base-generation"

import { ForeignPhones } from "./foreign-phones"
import { ownMailbox } from "./mail-roles"
import { PageLookup, type PanelView } from "./page-lookup"
import { sendFromPage } from "./page-messaging"

/** Matches wait for the scanner to be idle (its slices and our renders would share the page's frames), not longer than this. */
const MAX_RENDER_WAIT_MS = 300

export interface PageSessionDeps {
  /** Draw this list (called when the scanner is idle, after at most MAX_RENDER_WAIT_MS, or at once when cards left). */
  show(view: PanelView): void
  /** A performance mark set when a batch of values was found: measured once its cards are rendered. */
  onMark(markName: string): void
  onError(e: unknown): void
  /** The user clicked a decorated value; `hit` is its card when it is on the page. */
  onActivate(item: FoundItem, hit: CustomerMatch | undefined): void
}

export interface PageSession {
  /**
   * New settings or base profile: the running scanner gets the new detection options and reads again only what
   * they may change; the lookup, its "Seen recently" list and the cards on screen stay (nothing restarts).
   */
  configure(settings: Pick<Settings, "defaultCountry" | "customerCodePattern">, profile: BaseProfile): void
  stop(): void
  /** For tests and benches: the scanner's counters. */
  scanner: PageScanner
}

/**
 * What the page finds for the panel: codes of the base's own shapes, unless the user wrote a pattern (it
 * overrides); numbers of the base's other countries, kept when the base has them (foreign-phones.ts).
 */
export function detectionOf(settings: Pick<Settings, "defaultCountry" | "customerCodePattern">, profile: BaseProfile): DetectionOptions {
  const compiled = compileCodePattern(pagePattern(settings.customerCodePattern, SETTINGS_DEFAULTS.customerCodePattern, profile.codeShapes))
  return {
    defaultCountry: settings.defaultCountry,
    codePattern: compiled.ok ? compiled.re : null,
    otherCountries: otherCountries(profile, settings.defaultCountry)
  }
}

/**
 * Page scan → batched exact lookups; results merge into the list as they come, and are shown when the scanner is
 * idle: a first pass over a long page is a few dozen ms of slices, cards rendered in between would stretch it (and
 * each render costs the page a layout). Started once per page: a settings or profile change goes through
 * `configure`, so the cards that left the view stay under "Seen recently" and the page is not scanned again whole.
 */
export function startPageSession(
  doc: Document,
  settings: Pick<Settings, "defaultCountry" | "customerCodePattern">,
  profile: BaseProfile,
  deps: PageSessionDeps
): PageSession {
  let latest: PanelView | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  const render = () => {
    if (timer !== null) clearTimeout(timer)
    timer = null
    const all = latest
    latest = null
    if (all !== null) deps.show(all)
  }
  const lookup = new PageLookup({
    lookup: (req) => sendFromPage("lookup/match", req),
    onMatches: (all, markName, urgent) => {
      if (markName) deps.onMark(markName)
      latest = all
      // Cards that left the view go at once (a wrong card is worse than none), whatever the scanner is doing.
      if (urgent || scanner.stats().idle) render()
      else timer ??= setTimeout(render, MAX_RENDER_WAIT_MS)
    },
    onError: deps.onError,
    ownMailbox: () => ownMailbox(doc)
  })
  // A confirmation re-reads the page once the scanner is idle: hits arriving during a long first pass then cost
  // one more pass, not one per lookup answer.
  let rescanTimer: ReturnType<typeof setTimeout> | null = null
  const rescanWhenIdle = () => {
    rescanTimer = setTimeout(() => {
      if (!scanner.stats().idle) return rescanWhenIdle()
      rescanTimer = null
      scanner.rescan()
    }, 50)
  }
  const foreign = new ForeignPhones({
    lookup: (req) => sendFromPage("lookup/match", req),
    onConfirmed: () => {
      if (rescanTimer === null) rescanWhenIdle()
    }
  })
  const scanner = startPageScanner(doc, {
    ...detectionOf(settings, profile),
    acceptForeign: foreign.accepts,
    onForeign: foreign.ask,
    ignoreSelector: "#comptoir-overlay",
    onFound: (items: FoundItem[]) => lookup.add(items),
    onIdle: render,
    onRemoved: () => lookup.prune(),
    onActivate: (item: FoundItem) => deps.onActivate(item, lookup.customerFor(item))
  })
  // A single-page app's route change (pushState, replaceState, back, a hash route) may hide a view without
  // removing it: the values found are checked again. The Navigation API sees pushState from this isolated world;
  // where it is missing (Firefox), the DOM changes that come with the route do the same.
  const win = doc.defaultView ?? window
  const onRoute = () => lookup.prune()
  const nav = (win as Window & { navigation?: EventTarget }).navigation
  nav?.addEventListener("currententrychange", onRoute)
  win.addEventListener("popstate", onRoute)
  win.addEventListener("hashchange", onRoute)
  // After an import or a sync the base may know what it did not: the page's values are asked again.
  const unwatchBase = watchBaseGeneration(() => lookup.refresh())
  return {
    scanner,
    configure(nextSettings, nextProfile) {
      scanner.configure(detectionOf(nextSettings, nextProfile))
    },
    stop() {
      nav?.removeEventListener("currententrychange", onRoute)
      win.removeEventListener("popstate", onRoute)
      win.removeEventListener("hashchange", onRoute)
      unwatchBase()
      scanner.stop()
      foreign.dispose()
      if (rescanTimer !== null) clearTimeout(rescanTimer)
      lookup.dispose()
      if (timer !== null) clearTimeout(timer)
    }
  }
}
