#!/usr/bin/env node
// First step of `npm start` and `npm test`, so that on a fresh machine these two commands are all the set-up.
// Plain Node, no dependency: it runs before node_modules exists.
//   node scripts/preflight.mjs            node_modules (npm ci when missing or when a dependency is missing)
//   node scripts/preflight.mjs --system   first the system packages the tests need (apt when root, otherwise
//                                         stop at once with the exact command to run), then node_modules
import { spawnSync } from "node:child_process"
import { existsSync, readFileSync } from "node:fs"
import { join, resolve } from "node:path"

const root = resolve(import.meta.dirname, "..")

/**
 * What the tests need from Debian, each with how to tell it is there. Keep in step with `.ci/run`.
 * `path`: a file the package installs (checked when dpkg is absent, and by itself when the test reads it).
 */
const SYSTEM_PACKAGES = [
  // The end-to-end tests drive Debian's Chromium with the built extension (never a downloaded browser).
  { pkg: "chromium", path: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" },
  { pkg: "fonts-dejavu-core", path: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf" },
  // The Firefox test installs the Firefox build in Debian's Firefox ESR over WebDriver BiDi.
  { pkg: "firefox-esr", path: process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr" },
  // The Roundcube fixture: Debian's Roundcube served by PHP's built-in server, with a loopback Dovecot.
  { pkg: "roundcube-core", path: "/usr/share/roundcube/index.php" },
  { pkg: "roundcube-sqlite3", path: null },
  { pkg: "php8.2-cli", path: "/usr/bin/php8.2" },
  { pkg: "php8.2-cgi", path: null },
  { pkg: "php8.2-sqlite3", path: "/etc/php/8.2/mods-available/pdo_sqlite.ini" },
  { pkg: "dovecot-imapd", path: "/usr/sbin/dovecot" },
  // server/durability.test.ts checks with strace that PGlite's commits are fsynced before the reply.
  { pkg: "strace", path: "/usr/bin/strace" },
  // The softphone's end-to-end tests call through a local SIP lab (tests/telephony-lab/).
  { pkg: "kamailio", path: "/usr/sbin/kamailio" },
  { pkg: "kamailio-websocket-modules", path: null },
  { pkg: "rtpengine-daemon", path: null },
  { pkg: "baresip-core", path: "/usr/bin/baresip" },
  // The Factur-X tests validate the invoice XML against the official schema with xmllint.
  { pkg: "libxml2-utils", path: "/usr/bin/xmllint" }
]

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", ...opts })
  if (r.error) throw r.error
  return r.status ?? 1
}

/** Dependencies named in package.json whose folder is absent from node_modules (a fresh clone, or a merge added one). */
function missingNodeModules() {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"))
  const names = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})]
  return names.filter((name) => !existsSync(join(root, "node_modules", name, "package.json")))
}

function ensureNodeModules() {
  const missing = missingNodeModules()
  if (missing.length === 0) return
  console.log(`preflight: ${existsSync(join(root, "node_modules")) ? `missing ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? "…" : ""}` : "no node_modules"}: npm ci`)
  const status = run("npm", ["ci", "--no-audit", "--no-fund"])
  if (status !== 0) {
    console.error("preflight: npm ci failed (see above).")
    process.exit(status)
  }
}

function installed(p) {
  const q = spawnSync("dpkg-query", ["-W", "-f=${db:Status-Status}", p.pkg], { encoding: "utf8" })
  if (!q.error) return q.status === 0 && q.stdout.trim() === "installed" && (p.path === null || existsSync(p.path))
  // Not a Debian machine: only the files the tests use can be checked.
  return p.path === null || existsSync(p.path)
}

function ensureSystemPackages() {
  const missing = SYSTEM_PACKAGES.filter((p) => !installed(p)).map((p) => p.pkg)
  if (missing.length === 0) return
  const install = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(" ")}`
  // Another apt run (unattended upgrades, a parallel job) holds the lock for a while: wait for it rather than fail.
  const installAsRoot = install.replace("apt-get install", "apt-get -o DPkg::Lock::Timeout=600 install")
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0
  if (!isRoot) {
    console.error(`preflight: the tests need these system packages, missing here: ${missing.join(", ")}.\nRun:\n\n  sudo sh -c '${install}'\n\nthen npm test again.`)
    process.exit(1)
  }
  console.log(`preflight: installing ${missing.join(", ")} with apt (running as root)`)
  // The tests run their own Dovecot and PHP on free ports: a system Dovecot that apt may start is not used.
  const status = run("sh", ["-c", installAsRoot], { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } })
  if (status !== 0) {
    console.error(`preflight: "${install}" failed (see above).`)
    process.exit(status)
  }
  const still = SYSTEM_PACKAGES.filter((p) => !installed(p)).map((p) => p.pkg)
  if (still.length > 0) {
    console.error(`preflight: still missing after apt: ${still.join(", ")}`)
    process.exit(1)
  }
}

// System packages first: a machine that cannot get them stops at once, before a long npm ci.
if (process.argv.includes("--system")) ensureSystemPackages()
ensureNodeModules()
