import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

// The Firefox end-to-end test: Debian's firefox-esr over WebDriver BiDi (puppeteer-core), with the Firefox build
// installed as a temporary add-on. Its own config: `npm run test:unit` does not start a browser.
export default defineConfig({
  resolve: {
    alias: [{ find: /^~(.*)$/, replacement: fileURLToPath(new URL("../../", import.meta.url)) + "$1" }]
  },
  test: {
    root: fileURLToPath(new URL("../../", import.meta.url)),
    include: ["tests/firefox/**/*.spec.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false
  }
})
