import { mkdirSync, writeFileSync } from "node:fs"
import { dirname } from "node:path"

import type { Reporter, TestModule } from "vitest/node"

/**
 * Where the unit suite's time goes, file by file: `npx vitest run --reporter=default --reporter=./tests/file-times-reporter.mts`
 * prints the 25 slowest files and writes them all to test-results/vitest-file-times.json (or VITEST_FILE_TIMES).
 * A file's time is all it cost its worker: setting up its environment (jsdom), importing it (with what it runs at
 * load), its tests and hooks; the JSON reporter's start and end times count the tests alone.
 */
export default class FileTimesReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    const rows = modules
      .map((m) => {
        const d = m.diagnostic()
        const [environment, prepare, collect, tests] = [d.environmentSetupDuration, d.prepareDuration, d.collectDuration, d.duration].map(
          (ms) => Math.round(ms) / 1000
        )
        return {
          file: m.relativeModuleId,
          project: m.project.name,
          total: Math.round((environment! + prepare! + collect! + tests!) * 1000) / 1000,
          environment,
          prepare,
          collect,
          tests
        }
      })
      .sort((a, b) => b.total - a.total)
    const all = rows.reduce((s, r) => s + r.total, 0)
    const out = process.env.VITEST_FILE_TIMES ?? "test-results/vitest-file-times.json"
    mkdirSync(dirname(out), { recursive: true })
    writeFileSync(out, JSON.stringify({ total: all, files: rows }, null, 1))
    console.log(`\nWorker time by file: ${all.toFixed(0)} s over ${rows.length} files; the slowest 25:`)
    for (const r of rows.slice(0, 25))
      console.log(
        `${r.total.toFixed(1).padStart(6)} s ${((100 * r.total) / all).toFixed(1).padStart(5)} %  ${r.file} [${r.project}] (env ${r.environment}, import ${r.collect}, tests ${r.tests})`
      )
  }
}
