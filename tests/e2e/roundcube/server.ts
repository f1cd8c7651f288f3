import { spawn, spawnSync, type ChildProcess } from "node:child_process"
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs"
import { createServer, createConnection } from "node:net"
import { tmpdir, userInfo } from "node:os"
import { join } from "node:path"

import { AGENT, type SeededMessage } from "./mailbox"

/** Debian's Roundcube 1.6 (roundcube-core): the public entry point is public_html, the app one level up. */
const ROUNDCUBE_DOCROOT = process.env.ROUNDCUBE_DOCROOT ?? "/var/lib/roundcube/public_html"
const ROUNDCUBE_DEFAULTS = process.env.ROUNDCUBE_DEFAULTS ?? "/etc/roundcube/defaults.inc.php"
const ROUNDCUBE_SQL = "/usr/share/roundcube/SQL/sqlite.initial.sql"
const PHP = process.env.PHP_PATH ?? "/usr/bin/php8.2"
const DOVECOT = process.env.DOVECOT_PATH ?? "/usr/sbin/dovecot"

export interface Roundcube {
  url: string
  imapPort: number
  /** Roundcube's logs (errors, sign-ins, sessions), Dovecot's and PHP's output: what a failing test prints. */
  diagnostics(): string
  stop(): Promise<void>
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer()
    s.once("error", fail)
    s.listen(0, "127.0.0.1", () => {
      const a = s.address()
      const port = typeof a === "object" && a ? a.port : 0
      s.close(() => ok(port))
    })
  })
}

async function waitForPort(port: number, what: string, logs: () => string, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const open = await new Promise<boolean>((ok) => {
      const c = createConnection({ host: "127.0.0.1", port }, () => {
        c.destroy()
        ok(true)
      })
      c.once("error", () => ok(false))
    })
    if (open) return
    if (Date.now() > until) throw new Error(`${what} did not listen on 127.0.0.1:${port} within ${timeoutMs} ms\n${logs()}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/**
 * The number of messages Dovecot serves in the agent's INBOX, asked over IMAP as Roundcube will (LOGIN, SELECT).
 * It also makes Dovecot start its auth and imap processes and build the mailbox's index before Roundcube's first
 * requests, which otherwise pay for that all at once and in parallel (the sign-in, then the list and the unread count).
 */
export function imapInboxCount(port: number, timeoutMs = 10_000): Promise<number> {
  return new Promise((ok, fail) => {
    const socket = createConnection({ host: "127.0.0.1", port })
    const timer = setTimeout(() => {
      socket.destroy()
      fail(new Error(`Dovecot did not answer LOGIN and SELECT within ${timeoutMs} ms:\n${text}`))
    }, timeoutMs)
    let text = ""
    let step = 0
    const done = (error: Error | null, count = 0) => {
      clearTimeout(timer)
      socket.end()
      if (error) fail(error)
      else ok(count)
    }
    socket.on("error", (e) => done(e))
    socket.on("data", (b: Buffer) => {
      text += b.toString()
      if (step === 0 && /^\* OK/m.test(text)) {
        step = 1
        socket.write(`a1 LOGIN "${AGENT.email}" "${AGENT.password}"\r\n`)
      } else if (step === 1 && /^a1 /m.test(text)) {
        if (!/^a1 OK/m.test(text)) return done(new Error(`Dovecot refused the agent's LOGIN:\n${text}`))
        step = 2
        socket.write("a2 SELECT INBOX\r\n")
      } else if (step === 2 && /^a2 /m.test(text)) {
        const exists = /^\* (\d+) EXISTS/m.exec(text)
        if (!/^a2 OK/m.test(text) || !exists) return done(new Error(`Dovecot could not open the INBOX:\n${text}`))
        step = 3
        socket.write("a3 LOGOUT\r\n")
        done(null, Number(exists[1]))
      }
    })
  })
}

/**
 * Stops a process started with `detached: true` and everything in its process group: PHP's built-in server forks
 * its workers (PHP_CLI_SERVER_WORKERS), which outlive a signal sent to the parent alone.
 */
function stopProcess(p: ChildProcess): Promise<void> {
  const group = (signal: NodeJS.Signals) => {
    try {
      if (p.pid !== undefined) process.kill(-p.pid, signal)
    } catch {
      // The group is gone already.
    }
  }
  if (p.exitCode !== null || p.signalCode !== null) {
    group("SIGKILL")
    return Promise.resolve()
  }
  return new Promise((ok) => {
    const kill = setTimeout(() => group("SIGKILL"), 5_000)
    p.once("exit", () => {
      clearTimeout(kill)
      group("SIGKILL")
      ok()
    })
    group("SIGTERM")
  })
}

/**
 * The user the mail files belong to. Dovecot refuses mail access as uid 0, so as root the mailbox is owned by
 * `nobody`; otherwise Dovecot runs entirely as the current user (its "non-root" mode).
 */
function mailOwner(): { uid: number; gid: number; user: string; root: boolean } {
  const me = userInfo()
  if (me.uid !== 0) return { uid: me.uid, gid: me.gid, user: me.username, root: false }
  return { uid: 65534, gid: 65534, user: "nobody", root: true }
}

function writeMaildir(dir: string, messages: Pick<SeededMessage, "eml">[], owner: { uid: number; gid: number }): void {
  for (const sub of ["cur", "new", "tmp"]) mkdirSync(join(dir, sub), { recursive: true })
  // Delivery times one minute apart, oldest first, so the list order is the seed order reversed (newest on top).
  messages.forEach((m, i) => {
    const t = Date.UTC(2026, 11, 1, 8, i)
    writeFileSync(join(dir, "cur", `${Math.floor(t / 1000)}.M${i}P1.comptoir-e2e:2,`), m.eml)
  })
  chownTree(dir, owner)
}

function chownTree(path: string, owner: { uid: number; gid: number }): void {
  if (userInfo().uid !== 0) return
  spawnSync("chown", ["-R", `${owner.uid}:${owner.gid}`, path])
}

function dovecotConfig(dir: string, port: number, owner: { uid: number; gid: number; user: string; root: boolean }): string {
  // Only what this test needs: IMAP on one loopback port, plain-text login (loopback only), a passwd-file user.
  const users = owner.root ? "" : `default_internal_user = ${owner.user}\ndefault_login_user = ${owner.user}\n`
  return `# Written by tests/e2e/roundcube/server.ts for one test run.
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
${users}protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = ${owner.uid}
last_valid_uid = ${owner.uid}
mail_location = maildir:${dir}/mail/%n
mail_uid = ${owner.uid}
mail_gid = ${owner.gid}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${owner.uid} gid=${owner.gid} home=${dir}/mail/%n
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service anvil {
  chroot =
}
service stats {
  inet_listener http {
    port = 0
  }
}
`
}

function roundcubeConfig(dir: string, imapPort: number): string {
  // Own database, logs and temp files in the test's directory; IMAP to the test's Dovecot; no SMTP (nothing is sent).
  return `<?php
// Written by tests/e2e/roundcube/server.ts for one test run.
$config = [];
$config['db_dsnw'] = 'sqlite:///${dir}/roundcube.db?mode=0600';
$config['imap_host'] = '127.0.0.1:${imapPort}';
$config['imap_auth_type'] = 'PLAIN';
$config['smtp_host'] = '';
$config['username_domain'] = '';
$config['des_key'] = 'comptoir-e2e-key-24-bytes';
$config['product_name'] = 'Roundcube Webmail';
$config['plugins'] = [];
$config['skin'] = 'elastic';
$config['language'] = 'en_US';
$config['log_dir'] = '${dir}/logs/';
$config['temp_dir'] = '${dir}/temp/';
$config['enable_installer'] = false;
$config['support_url'] = '';
$config['login_autocomplete'] = 2;
$config['ip_check'] = false;
$config['use_https'] = false;
// The 3-pane view: list and preview (an iframe whose document is replaced on each click).
$config['layout'] = 'widescreen';
$config['mail_pagesize'] = 50;
$config['show_images'] = 0;
$config['prefer_html'] = true;
// The HTML editor (TinyMCE, a contenteditable body in an iframe) on replies to HTML mail, a textarea otherwise.
$config['htmleditor'] = 2;
// What a failing test prints (Roundcube.diagnostics()): each sign-in and each session's life.
$config['log_logins'] = true;
$config['session_debug'] = true;
`
}

/** Starts a loopback Dovecot and Roundcube (PHP's built-in server) holding these messages; everything under one temp dir. */
export async function startRoundcube(messages: Pick<SeededMessage, "eml">[]): Promise<Roundcube> {
  for (const [what, path] of [
    ["roundcube-core", ROUNDCUBE_DOCROOT],
    ["php8.2-cli", PHP],
    ["dovecot-imapd", DOVECOT]
  ] as const) {
    if (!existsSync(path)) throw new Error(`${path} is missing: apt-get install -y ${what} (npm test's preflight installs it)`)
  }
  const owner = mailOwner()
  const dir = mkdtempSync(join(tmpdir(), "comptoir-roundcube-"))
  chmodSync(dir, 0o755)
  for (const sub of ["run", "state", "logs", "temp", "config", "mail"]) mkdirSync(join(dir, sub))
  const imapPort = await freePort()
  let httpPort = await freePort()
  while (httpPort === imapPort) httpPort = await freePort()

  writeFileSync(join(dir, "passwd"), `${AGENT.email}:{PLAIN}${AGENT.password}::::::\n`)
  writeFileSync(join(dir, "dovecot.conf"), dovecotConfig(dir, imapPort, owner))
  writeMaildir(join(dir, "mail", AGENT.email.split("@")[0]!), messages, owner)

  writeFileSync(join(dir, "config", "config.inc.php"), roundcubeConfig(dir, imapPort))
  symlinkSync(ROUNDCUBE_DEFAULTS, join(dir, "config", "defaults.inc.php"))
  const init = spawnSync(PHP, ["-r", `$db = new PDO("sqlite:${dir}/roundcube.db"); $db->exec(file_get_contents("${ROUNDCUBE_SQL}"));`], { encoding: "utf8" })
  if (init.status !== 0) throw new Error(`Roundcube's database could not be created: ${init.stderr}`)

  const log = (f: string) => () => (existsSync(join(dir, f)) ? readFileSync(join(dir, f), "utf8").slice(-4000) : "")
  // -F: stay in the foreground, so the test owns the process and nothing is left running after stop().
  const dovecot = spawn(DOVECOT, ["-F", "-c", join(dir, "dovecot.conf")], { stdio: ["ignore", "pipe", "pipe"], detached: true })
  let dovecotOut = ""
  dovecot.stdout.on("data", (b: Buffer) => (dovecotOut += b.toString()))
  dovecot.stderr.on("data", (b: Buffer) => (dovecotOut += b.toString()))
  const php = spawn(PHP, ["-S", `127.0.0.1:${httpPort}`, "-t", ROUNDCUBE_DOCROOT], {
    cwd: ROUNDCUBE_DOCROOT,
    env: { ...process.env, ROUNDCUBE_CONFIG_DIR: join(dir, "config"), PHP_CLI_SERVER_WORKERS: "4" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true
  })
  let phpOut = ""
  php.stdout.on("data", (b: Buffer) => (phpOut = (phpOut + b.toString()).slice(-4000)))
  php.stderr.on("data", (b: Buffer) => (phpOut = (phpOut + b.toString()).slice(-4000)))

  const stop = async () => {
    await Promise.all([stopProcess(php), stopProcess(dovecot)])
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    await waitForPort(imapPort, "Dovecot", () => dovecotOut + log("dovecot.log")())
    const count = await imapInboxCount(imapPort)
    if (count !== messages.length) throw new Error(`Dovecot serves ${count} messages in the INBOX, not the ${messages.length} written\n${log("dovecot.log")()}`)
    await waitForPort(httpPort, "PHP's server", () => phpOut)
    // The port answers, but is it this Roundcube? (Another process may have taken the port freePort() found free.)
    const login = await fetch(`http://127.0.0.1:${httpPort}/`).then((r) => r.text())
    if (!login.includes("rcmloginuser")) throw new Error(`127.0.0.1:${httpPort} does not serve Roundcube's login page:\n${login.slice(0, 500)}\n${phpOut}`)
  } catch (e) {
    await stop()
    throw e
  }
  const diagnostics = () =>
    [...["errors.log", "userlogins.log", "session.log"].map((f) => `--- Roundcube ${f}\n${log(join("logs", f))()}`), `--- dovecot.log\n${log("dovecot.log")()}`, `--- PHP's server\n${phpOut}`].join("\n")
  return { url: `http://127.0.0.1:${httpPort}/`, imapPort, diagnostics, stop }
}
