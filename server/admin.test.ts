import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { SCHEMA_VERSION } from "../src/domain/sync/protocol"
import { generateCustomers } from "../src/domain/demo/demo-data"
import { processDatabase, run, runAdmin, startServerProcess, type ProcessDatabase } from "./test/admin-processes"
import { skipPostgres, type BackendName } from "./test/harness"

// Each step is a real process (tsx start-up, PGlite open): slow on a loaded machine, hence the long timeouts.
const STEP = 180_000

async function http(base: string, method: string, path: string, token: string | null, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) })
  })
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> }
}

describe("server:admin without a database", () => {
  it(
    "prints its verbs with help, through npm",
    async () => {
      const res = await run("npm", ["run", "-s", "server:admin", "--", "help"], {})
      expect(res).toMatchObject({ code: 0, stdout: expect.stringMatching(/create-team "<team name>" <admin email>[\s\S]*purge-tombstones --older-than <days>[\s\S]*10 to 200 characters/) })
    },
    STEP
  )

  it(
    "refuses an unknown verb, or none, with exit code 1 and the list of verbs",
    async () => {
      for (const args of [["frobnicate"], []]) {
        const res = await runAdmin({}, args)
        expect(res.code, args.join(" ")).toBe(1)
        expect(res.stderr).toMatch(/(unknown verb "frobnicate"|no verb given); verbs: create-team, reset-password/)
      }
    },
    STEP
  )
})

for (const backend of ["pglite", "postgres"] as BackendName[]) {
  describe.skipIf(backend === "postgres" && skipPostgres)(`server:admin and a production start on ${backend}`, () => {
    let db: ProcessDatabase
    let teamId = ""
    let cursorBeforePurge = ""
    let secret = ""
    const boss = `boss-${backend}@acme.test`
    const agent = `agent-${backend}@acme.test`
    beforeAll(async () => {
      db = await processDatabase(backend)
    }, STEP)
    afterAll(async () => {
      await db?.dispose()
    })

    it(
      "refuses bad arguments with exit code 1: a short password, a bad email, no admin name, a missing argument, a bad --older-than",
      async () => {
        const short = await runAdmin(db.env, ["create-team", "Acme", boss, "--name", "Bernadette Roux"], "short\n")
        expect(short).toMatchObject({ code: 1, stderr: expect.stringMatching(/password: a password has at least 10 characters/) })
        const demo = await runAdmin(db.env, ["create-team", "Acme", boss, "--name", "Bernadette Roux"], "comptoir-demo\n")
        expect(demo).toMatchObject({ code: 1, stderr: expect.stringMatching(/public demo password/) })
        const email = await runAdmin(db.env, ["create-team", "Acme", "not-an-email", "--name", "Bernadette Roux"], "a good password\n")
        expect(email).toMatchObject({ code: 1, stderr: expect.stringMatching(/admin email/) })
        // The admin's name is required: the team reads it in every history (it showed the bare e-mail).
        const nameless = await runAdmin(db.env, ["create-team", "Acme", boss], "a good password\n")
        expect(nameless).toMatchObject({ code: 1, stderr: expect.stringMatching(/the admin's name is missing: add --name "<first and last name>"/) })
        const blank = await runAdmin(db.env, ["create-team", "Acme", boss, "--name", "  "], "a good password\n")
        expect(blank).toMatchObject({ code: 1, stderr: expect.stringMatching(/--name: the name is empty/) })
        const missing = await runAdmin(db.env, ["create-team", "Acme"])
        expect(missing).toMatchObject({ code: 1, stderr: expect.stringMatching(/expected <team name> <admin email>, got "Acme"/) })
        const days = await runAdmin(db.env, ["purge-tombstones", "--older-than", "soon"])
        expect(days).toMatchObject({ code: 1, stderr: expect.stringMatching(/--older-than: a number of days/) })
        const list = await runAdmin(db.env, ["list-teams"])
        expect(list).toMatchObject({ code: 0, stdout: "id\tname\tusers\tactive\tversion\n" })
      },
      STEP * 2
    )

    it(
      "creates a team and its admin with the password from standard input, prints the team id, and lists it",
      async () => {
        const created = await runAdmin(db.env, ["create-team", "Acme Négoce", boss, "--name", "Bernadette Roux"], "the boss password 1\n")
        expect(created.code, created.stderr).toBe(0)
        teamId = created.stdout.trim()
        expect(teamId).toMatch(/^[0-9a-f-]{36}$/)
        const list = await runAdmin(db.env, ["list-teams"])
        expect(list.stdout).toContain(`${teamId}\tAcme Négoce\t1\t1\t0\n`)
        expect(created.stderr).toContain(`Bernadette Roux <${boss}> is its admin`)
        expect((await runAdmin(db.env, ["create-team", "Again", boss, "--name=Bernadette Roux"], "the boss password 1\n")).stderr).toMatch(/already exists/)
      },
      STEP * 2
    )

    it(
      "starts in production without seeding; the admin signs in, invites an agent, syncs and deletes",
      async () => {
        const server = await startServerProcess({ ...db.env, NODE_ENV: "production" })
        try {
          expect((await http(server.url, "POST", "/auth/login", null, { email: "admin@demo.comptoir.test", password: "comptoir-demo" })).status).toBe(401)
          const login = await http(server.url, "POST", "/auth/login", null, { email: boss, password: "the boss password 1" })
          expect(login).toMatchObject({ status: 200, body: { team: { id: teamId, name: "Acme Négoce" }, user: { role: "admin", name: "Bernadette Roux" } } })
          const token = login.body.token as string
          const invite = await http(server.url, "POST", "/admin/users", token, { email: agent, role: "agent" })
          const accepted = await http(server.url, "POST", "/auth/accept-invite", null, { inviteToken: invite.body.inviteToken, password: "the agent password" })
          expect(accepted.status).toBe(200)
          // A public address: production refuses private ones (server/webhook-guard.test.ts); disabled, so nothing is sent.
          const hook = await http(server.url, "PUT", "/admin/webhook", token, { url: "https://93.184.216.34/hook", enabled: false })
          expect(hook.status).toBe(200)
          secret = hook.body.secret as string

          const customers = generateCustomers({ count: 3 }).map(({ writtenPhones: _w, ...c }) => c)
          const mutations = [
            ...customers.map((c, i) => ({ mid: i + 1, table: "customers", op: "put", key: c.id, fields: c })),
            { mid: 4, table: "customers", op: "delete", key: customers[0]!.id }
          ]
          expect((await http(server.url, "POST", "/sync/push", token, { clientId: "admin-test-client", schemaVersion: SCHEMA_VERSION, mutations })).status).toBe(200)
          const page = await http(server.url, "GET", "/sync/pull?cursor=&limit=1", token)
          expect(page.body).toMatchObject({ total: 2, hasMore: true })
          cursorBeforePurge = page.body.cursor as string
        } finally {
          await server.stop()
        }
      },
      STEP
    )

    it(
      "rotates the webhook secret, resets a password, disables a user and purges tombstones",
      async () => {
        const rotated = await runAdmin(db.env, ["rotate-webhook-secret", teamId])
        expect(rotated.code, rotated.stderr).toBe(0)
        expect(rotated.stdout.trim()).toMatch(/^[A-Za-z0-9_-]{43}$/)
        expect(rotated.stdout.trim()).not.toBe(secret)
        secret = rotated.stdout.trim()
        expect(await runAdmin(db.env, ["rotate-webhook-secret", "no-such-team"])).toMatchObject({ code: 1, stderr: expect.stringMatching(/no team with id no-such-team/) })

        expect(await runAdmin(db.env, ["reset-password", boss], "a brand new password\n")).toMatchObject({ code: 0 })
        expect(await runAdmin(db.env, ["reset-password", "nobody@acme.test"], "a brand new password\n")).toMatchObject({ code: 1, stderr: expect.stringMatching(/no user with email nobody@acme.test/) })
        expect(await runAdmin(db.env, ["disable-user", agent])).toMatchObject({ code: 0 })
        const purged = await runAdmin(db.env, ["purge-tombstones", "--older-than", "0"])
        expect(purged).toMatchObject({ code: 0, stdout: "1\n" })
      },
      STEP * 3
    )

    it(
      "shows every change from outside: the new password, the disabled agent, resetRequired, the new secret stored",
      async () => {
        const server = await startServerProcess({ ...db.env, NODE_ENV: "production" })
        let token: string
        try {
          expect((await http(server.url, "POST", "/auth/login", null, { email: boss, password: "the boss password 1" })).status).toBe(401)
          const login = await http(server.url, "POST", "/auth/login", null, { email: boss, password: "a brand new password" })
          expect(login.status).toBe(200)
          token = login.body.token as string
          expect(await http(server.url, "POST", "/auth/login", null, { email: agent, password: "the agent password" })).toMatchObject({ status: 403, body: { error: "user-disabled" } })
          const pull = await http(server.url, "GET", `/sync/pull?cursor=${cursorBeforePurge}`, token)
          expect(pull).toMatchObject({ status: 200, body: { resetRequired: true, rows: [] } })
          const again = await http(server.url, "GET", "/sync/pull?cursor=", token)
          expect(again.body).toMatchObject({ total: 2, hasMore: false })
          expect((again.body.rows as unknown[]).length).toBe(2)
        } finally {
          await server.stop()
        }
        const direct = await db.open()
        try {
          const [hook] = await direct.query<{ secret: string }>("SELECT secret FROM webhooks WHERE team_id = $1", [teamId])
          expect(hook!.secret).toBe(secret)
        } finally {
          await direct.close()
        }
      },
      STEP
    )

    it(
      "refuses a production start while an account has the demo password, and never seeds in production",
      async () => {
        const seedInProduction = await run(process.execPath, ["--import", "tsx", "server/main.ts"], { ...db.env, NODE_ENV: "production", SEED: "demo" })
        expect(seedInProduction).toMatchObject({ code: 1, stderr: expect.stringMatching(/NODE_ENV=production never seeds the demo team/) })
        const seeded = await run(process.execPath, ["--import", "tsx", "server/seed.ts"], db.env)
        expect(seeded.code, seeded.stderr).toBe(0)
        const refused = await run(process.execPath, ["--import", "tsx", "server/main.ts"], { ...db.env, NODE_ENV: "production", PORT: "0" })
        expect(refused.code).toBe(1)
        expect(refused.stderr).toMatch(/refusing to start in production: 4 account\(s\) still have the public demo password \(admin@demo.comptoir.test, .*agent2@demo.comptoir.test\)/)
        expect(refused.stdout).not.toMatch(/Comptoir team server:/)
      },
      STEP * 2
    )
  })
}
