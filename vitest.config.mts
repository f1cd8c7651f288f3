import { availableParallelism } from "node:os"
import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

// Plasmo's base tsconfig keeps "jsx": "preserve" for Parcel; vitest needs its own JSX runtime and the `~` alias.
export default defineConfig({
  oxc: { jsx: { runtime: "automatic" } },
  resolve: {
    alias: [{ find: /^~(.*)$/, replacement: fileURLToPath(new URL("./", import.meta.url)) + "$1" }]
  },
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "background/**/*.test.ts", "server/**/*.test.ts", "tests/unit/**/*.test.ts"],
    environment: "node",
    testTimeout: 20000,
    // Vitest's default is one worker fewer than the cores: one on a 2-core CI machine, where most files wait on
    // PostgreSQL, PGlite or a child process. Two there ran the suite in 454 s against 560 s (same clone, 6 Dec).
    maxWorkers: Math.max(2, availableParallelism() - 1)
  }
})
