/** The summary quote.bench.ts's `stats` gives its parts (timings in ms); one shape so the parts print alike. */
export interface Stats {
  n: number
  p50: number
  p95: number
  p99: number
  max: number
}
