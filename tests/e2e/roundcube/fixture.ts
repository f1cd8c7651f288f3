import { e2eCustomers } from "../dataset"
import { test as base } from "../fixtures"

import { seededMessages, type SeededMessage } from "./mailbox"
import { startRoundcube, type Roundcube } from "./server"

export { expect } from "../fixtures"
export { AGENT } from "./mailbox"

type RoundcubeFixture = Roundcube & { messages: SeededMessage[] }

/** A real Roundcube 1.6 and Dovecot, started for the worker and stopped after it (nothing left running). */
export const test = base.extend<object, { roundcube: RoundcubeFixture }>({
  roundcube: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const messages = seededMessages(e2eCustomers())
      const server = await startRoundcube(messages)
      try {
        await use({ ...server, messages })
      } finally {
        await server.stop()
      }
    },
    { scope: "worker", timeout: 30_000 }
  ]
})
