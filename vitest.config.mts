import { readFileSync } from "node:fs"
import { availableParallelism } from "node:os"
import { fileURLToPath } from "node:url"
import { globSync } from "tinyglobby"
import { configDefaults, defineConfig } from "vitest/config"

const ROOT = fileURLToPath(new URL("./", import.meta.url))
const INCLUDE = ["src/**/*.test.ts", "src/**/*.test.tsx", "background/**/*.test.ts", "server/**/*.test.ts", "tests/unit/**/*.test.ts"]

/**
 * What a test file may do only in a process of its own: replace a module or a global, spy on an object, move the
 * clock, open an IndexedDB, touch the process (its environment, listeners, children), a prototype or pdf.js. Any of
 * these in a file keeps it isolated; so does a DOM (jsdom files stub `chrome`, keep React roots and listeners on
 * `document`) and the server's tests (databases, ports, processes).
 */
const NEEDS_ISOLATION = new RegExp(
  [
    String.raw`vi\.(mock|doMock|unmock|stubGlobal|stubEnv|hoisted|resetModules|spyOn|useFakeTimers|setSystemTime)`,
    String.raw`fake-indexeddb`,
    String.raw`globalThis\.\w+ *=[^=]`,
    String.raw`globalThis as`,
    String.raw`process\.on\(`,
    String.raw`process\.env\.\w+ *=[^=]`,
    String.raw`prototype\.\w+ *=[^=]`,
    String.raw`Object\.defineProperty`,
    String.raw`chrome *=`,
    String.raw`child_process`,
    String.raw`@vitest-environment`,
    // pdf.js keeps its fake worker on globalThis: pdfjs-dist's and the one bundled in unpdf (another version) in one
    // process refuse each other ("The API version … does not match the Worker version"), found by a shuffled run.
    String.raw`pdfjs-dist`,
    // The rule reads the test file alone: one whose helper does any of this says so.
    String.raw`// keep isolated`
  ].join("|")
)

/**
 * The other files (the pure domain, the extractor's and corpus tests, most of ~180) share their worker's modules:
 * isolating each file re-imported zod, the extractor and the catalog for every one of them, about half of a file's
 * time (30 domain files: 34 s isolated, 19 s shared, 7 Dec). See tests/README.md, "What CI spends its time on".
 */
const shared = globSync(INCLUDE, { cwd: ROOT, ignore: ["**/node_modules/**", "server/**"] }).filter(
  (file) => !NEEDS_ISOLATION.test(readFileSync(`${ROOT}${file}`, "utf8"))
)

// Plasmo's base tsconfig keeps "jsx": "preserve" for Parcel; vitest needs its own JSX runtime and the `~` alias.
export default defineConfig({
  oxc: { jsx: { runtime: "automatic" } },
  resolve: { alias: [{ find: /^~(.*)$/, replacement: `${ROOT}$1` }] },
  test: {
    environment: "node",
    testTimeout: 20000,
    // Vitest's default is one worker fewer than the cores: one on a 2-core CI machine, where most files wait on
    // PostgreSQL, PGlite or a child process. Two there ran the suite in 454 s against 560 s (same clone, 6 Dec).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      // Named so that the isolated files (the server's slow ones among them) are queued first and the quick shared
      // ones fill the workers at the end.
      { extends: true, test: { name: "isolated", include: INCLUDE, exclude: [...configDefaults.exclude, ...shared] } },
      { extends: true, test: { name: "shared", include: shared, isolate: false } }
    ]
  }
})
