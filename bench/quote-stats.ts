import type { Page } from "@playwright/test"

/** The summary quote.bench.ts's `stats` gives its parts (timings in ms); one shape so the parts print alike. */
export interface Stats {
  n: number
  p50: number
  p95: number
  p99: number
  max: number
}

/**
 * When an extension page showed the filled quote form (its `comptoir:quote-form-ready` mark) and its own
 * DOMContentLoaded, in epoch ms, with the form's text: read the same way by every part that draws the form in an
 * extension page (the side panel, the softphone tab, or the new workspace tab they fall back to).
 */
export const quoteFormReadyIn = (page: Pick<Page, "evaluate">) =>
  page.evaluate(() => ({
    ready: performance.timeOrigin + (performance.getEntriesByName("comptoir:quote-form-ready").at(-1)?.startTime ?? NaN),
    dcl: performance.timeOrigin + (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
    text: document.querySelector('[data-comptoir="quote-form"]')?.textContent ?? ""
  }))
