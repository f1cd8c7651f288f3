import { afterAll, beforeAll, describe } from "vitest"

import { apiSuite, TEST_TABLES } from "./test/api-suite"
import { skipPostgres, TestServer } from "./test/harness"
import { convergenceSuite } from "./test/convergence-suite"
import { authSuite } from "./test/auth-suite"
import { notifySuite } from "./test/notify-suite"
import { trustSuite } from "./test/trust-suite"

// Not reachable → the suite fails with the reason (see harness); COMPTOIR_SKIP_PG=1 skips it knowingly.
describe.skipIf(skipPostgres)("the server on PostgreSQL", () => {
  let server: TestServer
  beforeAll(async () => {
    server = await TestServer.start("postgres", { tables: TEST_TABLES })
  }, 60_000)
  afterAll(async () => {
    await server?.close()
  })
  apiSuite("postgres", () => server)
  authSuite(() => server)
  notifySuite(() => server)
  trustSuite("postgres", () => server)
  convergenceSuite("postgres", () => server, { seeds: Number(process.env.COMPTOIR_CONVERGENCE_SEEDS_PG ?? 10) })
})
