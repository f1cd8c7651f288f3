// `npm run -s server:admin -- <verb> …`: administration without SQL, on the server's own settings
// (DATABASE_URL, or DATA_DIR for PGlite). Results go to stdout (a team id, a secret, a table) so scripts can
// read them; messages and errors go to stderr; any failure exits with 1.
import { randomBytes } from "node:crypto"
import { createInterface } from "node:readline/promises"

import * as z from "zod"

import { Email } from "../src/domain/customers/customer.schema"
import { createTeam, createUser, Password, PASSWORD_MIN_LENGTH, setDisabled, setPassword } from "./auth/users"
import { loadConfig } from "./config"
import type { Db } from "./db/db"
import { HttpError } from "./http/zod"
import { openDb } from "./open-db"
import { purgeTombstones } from "./sync/sync-service"

const USAGE = `Comptoir team server administration, on the server's database (DATABASE_URL, else PGlite in DATA_DIR).

  npm run -s server:admin -- <verb> [arguments]

  create-team "<team name>" <admin email> --name "<admin's name>"
                                            create a team and its first admin; prints the team id. The admin's name
                                            (first and last, as the team sees it in histories) is asked on a terminal
                                            when --name is left out; the password is read from standard input, or
                                            asked (not echoed) on a terminal.
  reset-password <email>                    set a user's password (standard input, or asked); ends their sessions
  disable-user <email>                      disable a user and end their sessions
  list-teams                                teams: id, name, users, active users, sync version (tab-separated)
  rotate-webhook-secret <team id>           new signing secret for the team's webhook; prints it (shown once)
  purge-tombstones --older-than <days>      drop deletions older than that; devices behind them pull again from the start
  help                                      this text

Passwords: ${PASSWORD_MIN_LENGTH} to 200 characters, never the demo password. With PGlite, stop the server first (one process
holds its directory); with PostgreSQL the server may keep running (a session it cached ends within 10 s).`

/** A mistake in how the command was called: the usage hint follows the message. */
class UsageError extends Error {}

export async function readPassword(prompt: string): Promise<string> {
  if (process.stdin.isTTY) {
    const first = await askHidden(prompt)
    const again = await askHidden("Again: ")
    if (first !== again) throw new Error("the two passwords differ")
    return first
  }
  // Piped: the whole input, without the final line break (echo adds one).
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "")
}

/** A prompt on the terminal that does not echo what is typed. */
function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin
    process.stderr.write(prompt)
    stdin.setRawMode(true)
    stdin.resume()
    let value = ""
    const onData = (data: Buffer) => {
      for (const ch of data.toString("utf8")) {
        if (ch === "\r" || ch === "\n") {
          done()
          process.stderr.write("\n")
          return resolve(value)
        }
        if (ch === "\u0003") {
          done()
          process.stderr.write("\n")
          return reject(new Error("cancelled"))
        }
        if (ch === "\u007f" || ch === "\b") value = [...value].slice(0, -1).join("")
        else value += ch
      }
    }
    const done = () => {
      stdin.off("data", onData)
      stdin.setRawMode(false)
      stdin.pause()
    }
    stdin.on("data", onData)
  })
}

function checked<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value)
  if (!r.success) throw new UsageError(`${what}: ${r.error.issues.map((i) => i.message).join("; ")}`)
  return r.data
}

/** Takes `--flag value` or `--flag=value` out of the arguments: [its value or null, the other arguments]. */
function flag(rest: string[], name: string): [string | null, string[]] {
  const i = rest.findIndex((a) => a === name || a.startsWith(`${name}=`))
  if (i < 0) return [null, rest]
  if (rest[i] !== name) return [rest[i]!.slice(name.length + 1), rest.filter((_, j) => j !== i)]
  if (i + 1 >= rest.length) throw new UsageError(`${name} needs a value`)
  return [rest[i + 1]!, rest.filter((_, j) => j !== i && j !== i + 1)]
}

/** A line typed on the terminal, echoed (a name is no secret). */
async function ask(prompt: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr })
  try {
    return await rl.question(prompt)
  } finally {
    rl.close()
  }
}

const PersonName = z.string().trim().min(1, "the name is empty").max(200, "at most 200 characters")

function args(rest: string[], names: string[]): string[] {
  if (rest.length !== names.length) throw new UsageError(`expected ${names.length ? names.map((n) => `<${n}>`).join(" ") : "no argument"}, got ${rest.length ? rest.map((a) => JSON.stringify(a)).join(" ") : "nothing"}`)
  return rest
}

async function userByEmail(db: Db, email: string): Promise<{ user_id: string; team_id: string }> {
  const [u] = await db.query<{ user_id: string; team_id: string }>("SELECT user_id, team_id FROM users WHERE lower(email) = lower($1)", [email])
  if (!u) throw new Error(`no user with email ${email}`)
  return u
}

/**
 * A verb checks its arguments (and reads a password) before the database opens, so a mistake is told at once
 * (opening PGlite takes seconds); it returns the work to do on the database, or null when there is none.
 */
type Verb = (rest: string[]) => Promise<((db: Db) => Promise<void>) | null>

const Days = z.coerce.number({ error: "a number of days" }).nonnegative("days cannot be negative").finite()

const VERBS: Record<string, Verb> = {
  async "create-team"(all) {
    const [rawAdminName, rest] = flag(all, "--name")
    const [rawName, rawEmail] = args(rest, ["team name", "admin email"])
    const name = checked(z.string().trim().min(1, "the team name is empty").max(200), rawName, "team name")
    const email = checked(Email, rawEmail, "admin email")
    // The admin's name is what the team reads in every history and list (an e-mail stood there instead): required.
    if (rawAdminName === null && !process.stdin.isTTY) throw new UsageError(`the admin's name is missing: add --name "<first and last name>"`)
    const adminName = checked(PersonName, rawAdminName ?? (await ask(`Name of ${email} (first and last, as the team sees it): `)), "--name")
    const password = checked(Password, await readPassword(`Password for ${email}: `), "password")
    return async (db) => {
      const teamId = await db.transaction(async (tx) => {
        const id = await createTeam(tx, name)
        await createUser(tx, { teamId: id, email, name: adminName, role: "admin", password })
        return id
      })
      process.stderr.write(`Team "${name}" created; ${adminName} <${email}> is its admin and can sign in from the extension.\n`)
      process.stdout.write(`${teamId}\n`)
    }
  },
  async "reset-password"(rest) {
    const [rawEmail] = args(rest, ["email"])
    const email = checked(z.string().min(1).max(254), rawEmail, "email")
    const password = checked(Password, await readPassword(`New password for ${email}: `), "password")
    return async (db) => {
      const user = await userByEmail(db, email)
      await db.transaction(async (tx) => {
        await setPassword(tx, user.user_id, password)
        // Whoever knew the old password may hold a session: it ends with the reset.
        await tx.query("UPDATE tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL", [user.user_id])
      })
      process.stderr.write(`Password of ${email} changed; their sessions were ended.\n`)
    }
  },
  async "disable-user"(rest) {
    const [rawEmail] = args(rest, ["email"])
    const email = checked(z.string().min(1).max(254), rawEmail, "email")
    return async (db) => {
      const user = await userByEmail(db, email)
      await db.transaction((tx) => setDisabled(tx, user.team_id, user.user_id, true))
      process.stderr.write(`${email} is disabled; their sessions were ended.\n`)
    }
  },
  async "list-teams"(rest) {
    args(rest, [])
    return async (db) => {
      const teams = await db.query<{ team_id: string; name: string; users: number; active: number; version: string | number }>(
        `SELECT t.team_id, t.name, t.version,
           (SELECT count(*)::int FROM users u WHERE u.team_id = t.team_id) AS users,
           (SELECT count(*)::int FROM users u WHERE u.team_id = t.team_id AND u.disabled_at IS NULL) AS active
         FROM teams t ORDER BY t.created_at, t.name`
      )
      process.stdout.write("id\tname\tusers\tactive\tversion\n")
      for (const t of teams) process.stdout.write(`${t.team_id}\t${t.name}\t${t.users}\t${t.active}\t${t.version}\n`)
    }
  },
  async "rotate-webhook-secret"(rest) {
    const [teamId] = args(rest, ["team id"])
    return async (db) => {
      const secret = randomBytes(32).toString("base64url")
      const [row] = await db.query<{ url: string }>("UPDATE webhooks SET secret = $2, updated_at = now() WHERE team_id = $1 RETURNING url", [teamId, secret])
      if (!row) {
        const [team] = await db.query("SELECT 1 FROM teams WHERE team_id = $1", [teamId])
        throw new Error(team ? `team ${teamId} has no webhook` : `no team with id ${teamId} (see list-teams)`)
      }
      process.stderr.write(`New secret for ${row.url}; deliveries from now on (retries included) are signed with it. Give it to the receiver:\n`)
      process.stdout.write(`${secret}\n`)
    }
  },
  async "purge-tombstones"(rest) {
    const [flag, rawDays] = args(rest, ["--older-than", "days"])
    if (flag !== "--older-than") throw new UsageError(`expected --older-than <days>, got ${JSON.stringify(flag)}`)
    const days = checked(Days, rawDays === "" ? Number.NaN : rawDays, "--older-than")
    return async (db) => {
      const purged = await purgeTombstones(db, days * 86_400_000)
      process.stderr.write(`Purged ${purged} deletion(s) older than ${days} day(s).\n`)
      process.stdout.write(`${purged}\n`)
    }
  },
  async help() {
    process.stdout.write(`${USAGE}\n`)
    return null
  }
}

async function main(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv
  const prepare = verb === undefined ? undefined : Object.hasOwn(VERBS, verb) ? VERBS[verb] : undefined
  if (!prepare) {
    process.stderr.write(`${verb === undefined ? "no verb given" : `unknown verb ${JSON.stringify(verb)}`}; verbs: ${Object.keys(VERBS).join(", ")} (npm run -s server:admin -- help)\n`)
    return 1
  }
  const work = await prepare(rest)
  if (!work) return 0
  const { db } = await openDb(loadConfig())
  try {
    await work(db)
    return 0
  } finally {
    await db.close()
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    const message = err instanceof HttpError || err instanceof Error ? err.message : String(err)
    process.stderr.write(`error: ${message}${err instanceof UsageError ? " (npm run -s server:admin -- help)" : ""}\n`)
    process.exit(1)
  }
)
