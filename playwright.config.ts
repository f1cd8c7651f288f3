import { defineConfig } from "@playwright/test"

/** Real Chromium from Debian with the built extension (see tests/e2e/fixtures.ts); never a downloaded browser. */
export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: { trace: "off" }
})
