#!/usr/bin/env node
// `npm start`: build the extension, then run the team server (embedded database, demo team) when present,
// and say how to load the extension. Everything runs from this repository; nothing is downloaded.
import { spawn, spawnSync } from "node:child_process"
import { existsSync } from "node:fs"
import { resolve } from "node:path"

const root = resolve(import.meta.dirname, "..")
const build = resolve(root, "build/chrome-mv3-prod")

console.log("Comptoir: building the extension…")
const b = spawnSync("npx", ["plasmo", "build", "--src-path=."], { cwd: root, stdio: "inherit" })
if (b.status !== 0) {
  console.error("The extension build failed (see above).")
  process.exit(b.status ?? 1)
}

const howToLoad = `
Load the extension in Chrome or Chromium:
  1. open chrome://extensions and switch on "Developer mode" (top right);
  2. click "Load unpacked" and choose ${build}
  3. pin Comptoir, open its settings (right-click the icon → Options) to import customers
     (a demo file: npm run demo:csv writes build/demo-customers.csv), or sign in to the team server below.
  Gmail and Outlook on the web work at once; enable any other site (your CRM) from the toolbar button.
  The toolbar button's "Workspace" opens the full-tab workspace: customers, call scripts, calls, quotes,
  orders, invoices and dunning.
`

const serverMain = resolve(root, "server/main.ts")
if (!existsSync(serverMain)) {
  console.log(howToLoad)
  process.exit(0)
}
console.log(howToLoad)
// Demo mode: the server seeds the demo team and grants CORS to the extension built above.
const server = spawn("npx", ["tsx", "--tsconfig", "tsconfig.json", serverMain], { cwd: root, stdio: "inherit", env: { SEED: "demo", ...process.env } })
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig))
server.on("exit", (code) => process.exit(code ?? 0))
