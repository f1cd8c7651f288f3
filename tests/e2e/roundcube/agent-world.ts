import type { Page } from "@playwright/test"

import { signIn } from "../demo-server"
import { openQuoteWorld, type QuoteWorld } from "../quote-world"
import type { SeededMessage } from "./mailbox"
import { startRoundcube, type Roundcube } from "./server"

export interface RoundcubeAgentWorld {
  world: QuoteWorld
  roundcube: Roundcube
  /** A tab of the agent's, 1280 × 800, that leaves a compose page without asking. */
  page: Page
  close: () => Promise<void>
}

/**
 * The demo team's server, the extension in its own profile with agent1 signed in, and a real Roundcube serving
 * `messages`: what the specs that reply to a customer's mail in Roundcube start from. A failure part-way closes what
 * was already started.
 */
export async function openRoundcubeAgent(profilePrefix: string, messages: SeededMessage[]): Promise<RoundcubeAgentWorld> {
  const world = await openQuoteWorld(profilePrefix)
  let roundcube: Roundcube | undefined
  const close = async (): Promise<void> => {
    await roundcube?.stop()
    await world.close()
  }
  try {
    roundcube = await startRoundcube(messages)
    const options = await world.context.newPage()
    await signIn(options, world.extensionId, world.server.url, "agent1@demo.comptoir.test")
    await options.close()
    const page = await world.context.newPage()
    await page.setViewportSize({ width: 1280, height: 800 })
    // Leaving a compose page Roundcube may ask "discard changes?": the agent would leave (see roundcube.spec.ts).
    page.on("dialog", (d) => void (d.type() === "beforeunload" ? d.accept() : d.dismiss()).catch(() => undefined))
    return { world, roundcube, page, close }
  } catch (e) {
    await close()
    throw e
  }
}
