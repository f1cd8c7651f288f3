/**
 * The softphone bench's statistics (bench/softphone.bench.ts): percentiles, the bootstrap intervals of a ratio of
 * percentiles, and the paired per-call difference of the interleaved outgoing calls (ours − bare, in ms: the
 * overhead the agent feels). Seeded, so a run's lines can be recomputed from its JSON.
 */

export function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN
}

function seeded(): () => number {
  let seed = 0x9e3779b9
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const RESAMPLES = 2000
const interval = (xs: number[]): [number, number] => {
  const s = xs.sort((a, b) => a - b)
  return [s[Math.floor(0.025 * s.length)]!, s[Math.floor(0.975 * s.length)]!]
}

/**
 * 95% interval of p(ours) / p(bare) by the bootstrap, each side's samples resampled on their own (2,000 times):
 * for samples taken apart (the incoming calls, the old rounds). With 30 samples the p95 is the second slowest call:
 * the interval says how much one unlucky call moves it.
 */
export function ratioInterval(ours: number[], base: number[], p = 95): [number, number] {
  const rand = seeded()
  const draw = (xs: number[]) => xs.map(() => xs[Math.floor(rand() * xs.length)]!)
  return interval(Array.from({ length: RESAMPLES }, () => pct(draw(ours), p) / pct(draw(base), p)))
}

export interface PairedFigures {
  pairs: number
  ours: { p50: number; p95: number }
  bare: { p50: number; p95: number }
  /** p(ours) / p(bare), and its 95% interval with the pairs resampled together. */
  ratioP50: number
  ratioP50Interval95: [number, number]
  ratioP95: number
  ratioP95Interval95: [number, number]
  /** Per pair, ours − bare (ms): its p50 and p95, each with its 95% interval (pairs resampled). */
  diffP50: number
  diffP50Interval95: [number, number]
  diffP95: number
  diffP95Interval95: [number, number]
  diffs: number[]
}

/**
 * Figures of calls made in pairs (pair k: ours[k] and bare[k], one right after the other, which side first
 * alternating): the bootstrap draws whole pairs, so the load both calls of a pair met stays paired.
 */
export function pairedFigures(ours: number[], bare: number[]): PairedFigures {
  if (ours.length !== bare.length) throw new Error(`paired figures: ${ours.length} calls of ours against ${bare.length} bare`)
  const n = ours.length
  const diffs = ours.map((o, k) => o - bare[k]!)
  const rand = seeded()
  const [r50, r95, d50, d95]: [number[], number[], number[], number[]] = [[], [], [], []]
  for (let r = 0; r < RESAMPLES; r++) {
    const idx = Array.from({ length: n }, () => Math.floor(rand() * n))
    const o = idx.map((k) => ours[k]!)
    const b = idx.map((k) => bare[k]!)
    const d = idx.map((k) => diffs[k]!)
    r50.push(pct(o, 50) / pct(b, 50))
    r95.push(pct(o, 95) / pct(b, 95))
    d50.push(pct(d, 50))
    d95.push(pct(d, 95))
  }
  const [o50, o95, b50, b95] = [pct(ours, 50), pct(ours, 95), pct(bare, 50), pct(bare, 95)]
  return {
    pairs: n,
    ours: { p50: o50, p95: o95 },
    bare: { p50: b50, p95: b95 },
    ratioP50: o50 / b50,
    ratioP50Interval95: interval(r50),
    ratioP95: o95 / b95,
    ratioP95Interval95: interval(r95),
    diffP50: pct(diffs, 50),
    diffP50Interval95: interval(d50),
    diffP95: pct(diffs, 95),
    diffP95Interval95: interval(d95),
    diffs
  }
}
