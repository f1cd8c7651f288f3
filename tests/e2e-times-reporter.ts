import { mkdirSync, writeFileSync } from "node:fs"
import { dirname, relative } from "node:path"

import type { FullResult, Reporter, TestCase, TestResult, TestStep } from "@playwright/test/reporter"

interface FileTimes {
  file: string
  worker: number
  start: number
  end: number
  /** Playwright's durations: the tests' bodies with their beforeEach/afterEach hooks and test fixtures. */
  tests: number
  beforeAll: number
  afterAll: number
  fixtures: number
}

const seconds = (ms: number) => Math.round(ms) / 1000

/** Every step under `step` (itself included) whose category and title match. */
function sum(steps: readonly TestStep[], match: (s: TestStep) => boolean): number {
  let ms = 0
  for (const s of steps) ms += match(s) ? s.duration : sum(s.steps, match)
  return ms
}

/**
 * Where the end-to-end run's time goes, spec file by spec file: `npx playwright test --reporter=list,./tests/e2e-times-reporter.ts`
 * prints the files whose span is longest and writes them all to test-results/e2e-file-times.json (or E2E_FILE_TIMES).
 * A file's span runs from its first hook or test's start to its last one's end; `tests` is Playwright's durations (the tests' bodies);
 * `beforeAll`, `afterAll` and `fixtures` are what its hooks and fixtures took (a worker fixture is charged to the
 * file that first used it, as Playwright reports it).
 */
export default class E2eTimesReporter implements Reporter {
  private readonly files = new Map<string, FileTimes>()
  private started = Date.now()

  onBegin() {
    this.started = Date.now()
  }

  onTestEnd(test: TestCase, result: TestResult) {
    const file = relative(process.cwd(), test.location.file)
    const start = result.startTime.getTime()
    const f = this.files.get(file) ?? { file, worker: result.parallelIndex, start, end: start, tests: 0, beforeAll: 0, afterAll: 0, fixtures: 0 }
    const end = start + result.duration
    // Playwright 1.65 counts neither beforeAll nor afterAll in a result's duration (nor in its start), but its steps have them.
    f.start = Math.min(f.start, start)
    f.end = Math.max(f.end, end)
    for (const s of result.steps.filter((s) => s.category === "hook" || s.category === "fixture")) {
      const from = s.startTime.getTime()
      f.start = Math.min(f.start, from)
      f.end = Math.max(f.end, from + s.duration)
    }
    f.tests += result.duration
    f.beforeAll += sum(result.steps, (s) => s.category === "hook" && /^beforeAll hook/.test(s.title))
    f.afterAll += sum(result.steps, (s) => s.category === "hook" && /^afterAll hook/.test(s.title))
    f.fixtures += sum(result.steps, (s) => s.category === "fixture")
    this.files.set(file, f)
  }

  onEnd(result: FullResult) {
    const rows = [...this.files.values()].map((f) => ({
      file: f.file,
      worker: f.worker,
      span: seconds(f.end - f.start),
      tests: seconds(f.tests),
      beforeAll: seconds(f.beforeAll),
      afterAll: seconds(f.afterAll),
      fixtures: seconds(f.fixtures)
    }))
    rows.sort((a, b) => b.span - a.span)
    const total = (key: "span" | "tests" | "beforeAll" | "afterAll" | "fixtures") => Math.round(rows.reduce((s, r) => s + r[key], 0))
    const summary = { wall: seconds(Date.now() - this.started), status: result.status, span: total("span"), tests: total("tests"), beforeAll: total("beforeAll"), afterAll: total("afterAll"), fixtures: total("fixtures") }
    const out = process.env.E2E_FILE_TIMES ?? "test-results/e2e-file-times.json"
    mkdirSync(dirname(out), { recursive: true })
    writeFileSync(out, JSON.stringify({ ...summary, files: rows }, null, 1))
    console.log(`\nEnd-to-end time: ${summary.wall} s wall; spans ${summary.span} s over ${rows.length} files (tests ${summary.tests}, beforeAll ${summary.beforeAll}, afterAll ${summary.afterAll}, fixtures ${summary.fixtures}); the longest 15:`)
    for (const r of rows.slice(0, 15)) console.log(`${r.span.toFixed(1).padStart(6)} s  ${r.file} (tests ${r.tests}, beforeAll ${r.beforeAll}, afterAll ${r.afterAll}, fixtures ${r.fixtures})`)
  }
}
