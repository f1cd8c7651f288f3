#!/usr/bin/env node
// `npm run bench`: every benchmark, one after the other (2 cores: never in parallel), each printing its
// figures beside the baseline it is compared with. Results land in bench-results/.
// BENCH_ONLY=search,extension,sync,server,view,profile,softphone,orders,quote runs a subset.
import { spawnSync } from "node:child_process"
import { existsSync } from "node:fs"
import { resolve } from "node:path"

const root = resolve(import.meta.dirname, "..")
const only = (process.env.BENCH_ONLY ?? "search,extension,sync,server,softphone,orders").split(",")
const run = (label, cmd, args) => {
  console.log(`\n=== ${label} ===`)
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: process.env })
  if (r.status !== 0) {
    console.error(`${label}: failed (exit ${r.status})`)
    process.exitCode = 1
  }
}
const tsx = (file) => ["tsx", "--tsconfig", "tsconfig.json", file]

if (only.includes("search")) {
  run("customer search (Node)", "npx", tsx("bench/search.bench.ts"))
  run("product search, the quote's Add a line (Node)", "npx", tsx("bench/product-search.bench.ts"))
}
if (only.includes("extension")) {
  if (!existsSync(resolve(root, "build/chrome-mv3-prod/manifest.json")) || process.env.BENCH_REBUILD !== "0") run("build", "npx", ["plasmo", "build", "--src-path=."])
  run("extension in Chromium", "npx", tsx("bench/extension.bench.ts"))
}
if (only.includes("sync")) {
  if (!only.includes("extension") && (!existsSync(resolve(root, "build/chrome-mv3-prod/manifest.json")) || process.env.BENCH_REBUILD !== "0")) run("build", "npx", ["plasmo", "build", "--src-path=."])
  run("initial sync of a team base into Chromium", "npx", tsx("bench/initial-sync.bench.ts"))
}
if (only.includes("server") && existsSync(resolve(root, "bench/server-load.bench.ts"))) run("team server under load", "npx", tsx("bench/server-load.bench.ts"))

// ---- panel-truth: view change → only the new view's cards (issue #7) ----
if (only.includes("view") || process.env.BENCH_ONLY === undefined) {
  if (!existsSync(resolve(root, "build/chrome-mv3-prod/manifest.json"))) run("build", "npx", ["plasmo", "build", "--src-path=."])
  run("view change in Chromium (message switch, route change)", "npx", tsx("bench/view-switch.bench.ts"))
}
// A base-profile change on a scanned page (issue #7): what is read and asked again, the cards kept.
if (only.includes("profile") || process.env.BENCH_ONLY === undefined) {
  if (!existsSync(resolve(root, "build/chrome-mv3-prod/manifest.json"))) run("build", "npx", ["plasmo", "build", "--src-path=."])
  run("base-profile change on a scanned page in Chromium", "npx", tsx("bench/profile-change.bench.ts"))
}
// Softphone (issue #9): needs the SIP lab's Debian packages (tests/telephony-lab) and the built extension.
if (only.includes("softphone")) {
  if (!existsSync(resolve(root, "build/chrome-mv3-prod/manifest.json"))) run("build", "npx", ["plasmo", "build", "--src-path=."])
  run("softphone through the SIP lab", "npx", tsx("bench/softphone.bench.ts"))
}
// Orders captured from email (issue #11): the extractor over the tuned corpus and each held-out part, blind when written (Node, no browser).
if (only.includes("orders")) run("orders from email (the tuned corpus and each held-out part)", "npx", tsx("bench/orders.bench.ts"))
// Quotes (issue #10): the form after the click (built extension), a 50-line PDF, 50 agents issuing on PostgreSQL.
if (only.includes("quote") || process.env.BENCH_ONLY === undefined) {
  if ((process.env.BENCH_PARTS ?? "form").includes("form") && !existsSync(resolve(root, "build/chrome-mv3-prod/manifest.json"))) run("build", "npx", ["plasmo", "build", "--src-path=."])
  run("quotes: form, PDF, issuing", "npx", tsx("bench/quote.bench.ts"))
}
