import { defineConfig } from "@playwright/test"

/**
 * The specs that drive the local SIP lab (tests/telephony-lab/: kamailio, rtpengine and baresip on fixed ports) run
 * one at a time; the others, each with its own servers on free ports and its own browser profile, beside them.
 */
const LAB_SPECS = [
  "**/softphone-*.spec.ts",
  "**/call-script-runner.spec.ts",
  "**/unknown-caller.spec.ts"
]

/** Real Chromium from Debian with the built extension (see tests/e2e/fixtures.ts); never a downloaded browser. */
export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  // The demo team seeded once, for the specs' demo team servers to start on copies of (tests/demo-team-server.ts).
  globalSetup: "./tests/e2e/global-setup.ts",
  fullyParallel: false,
  // Two: a 2-core CI machine ran the 142 tests in ~10.5 min with one; a spec mostly waits on its browser and servers.
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: { trace: "off" },
  projects: [
    // A lab spec's first hook also starts the lab and its browser (worker fixtures): more room when the pages run beside it.
    { name: "sip-lab", testMatch: LAB_SPECS, workers: 1, timeout: 120_000 },
    { name: "pages", testIgnore: LAB_SPECS }
  ]
})
