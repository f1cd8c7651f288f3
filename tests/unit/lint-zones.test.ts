import { resolve } from "node:path"

import { ESLint } from "eslint"
import { beforeAll, describe, expect, it } from "vitest"

const root = resolve(import.meta.dirname, "../..")

/**
 * The project's own eslint.config.mjs, on files that do not exist: `lintText` with a `filePath` inside the
 * repository applies the zones of that path. Type-aware rules need the file on disk, so they are off here.
 */
let eslint: ESLint
beforeAll(() => {
  eslint = new ESLint({
    cwd: root,
    overrideConfig: {
      languageOptions: { parserOptions: { projectService: false, project: null } },
      rules: { "@typescript-eslint/no-floating-promises": "off", "@typescript-eslint/no-misused-promises": "off" }
    }
  })
})

async function zoneErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) })
  return result!.messages.filter((m) => m.ruleId === "comptoir/import-zones").map((m) => m.message)
}

const importing = (spec: string) => `import { thing } from "${spec}"\nexport const used = thing\n`

/** [file that imports, specifier]: each must fail lint. */
const forbidden: [string, string][] = [
  // src/domain: no db, ui, features, sync, browser, Dexie or React, whatever the path form.
  ["src/domain/customers/zz-lint.ts", "../../db/database"],
  ["src/domain/customers/zz-lint.ts", "~src/db/database"],
  ["src/domain/customers/zz-lint.ts", "~/src/db/database"],
  ["src/domain/search/deep/zz-lint.ts", "../../../db/outbox"],
  ["src/domain/zz-lint.ts", "../db"],
  ["src/domain/zz-lint.ts", "../../src/db/database"],
  ["src/domain/customers/zz-lint.ts", "../../ui/app-shell"],
  ["src/domain/customers/zz-lint.ts", "~src/ui/app-shell"],
  ["src/domain/import/zz-lint.ts", "../../features/import/import-section"],
  ["src/domain/import/zz-lint.ts", "~src/features/page-scan/page-scanner"],
  ["src/domain/sync/zz-lint.ts", "../../sync/sync-engine"],
  ["src/domain/sync/zz-lint.ts", "~src/sync/sync-errors"],
  ["src/domain/sync/zz-lint.ts", "../../messaging/contract"],
  ["src/domain/customers/zz-lint.ts", "~src/messaging/send"],
  ["src/domain/zz-lint.ts", "~/src/messaging"],
  ["src/domain/zz-lint.ts", "dexie"],
  ["src/domain/zz-lint.ts", "dexie-react-hooks"],
  ["src/domain/zz-lint.ts", "react"],
  ["src/domain/zz-lint.ts", "react/jsx-runtime"],
  ["src/domain/zz-lint.ts", "react-dom/client"],
  // The server: only src/domain of the extension's code.
  ["server/sync/zz-lint.ts", "../../src/db/database"],
  ["server/zz-lint.ts", "../src/db/outbox"],
  ["server/sync/zz-lint.ts", "~src/db/database"],
  ["server/sync/zz-lint.ts", "../../src/ui/app-shell"],
  ["server/http/deep/zz-lint.ts", "../../../src/features/import/import-section"],
  ["server/zz-lint.ts", "~src/features/sync/team-server-section"],
  // Content scripts and the features that run in them: never the extension's IndexedDB.
  ["contents/zz-lint.tsx", "../src/db/database"],
  ["contents/zz-lint.tsx", "~src/db/database"],
  ["contents/zz-lint.tsx", "dexie"],
  ["src/features/page-scan/zz-lint.ts", "../../db/customer-repository"],
  ["src/features/page-scan/zz-lint.ts", "~src/db/database"],
  ["src/features/lookup-panel/zz-lint.tsx", "../../db/database"],
  ["src/features/lookup-panel/zz-lint.tsx", "~/src/db/outbox"],
  // …nor the sync engine, which holds the team server's token and writes the base.
  ["contents/zz-lint.tsx", "../src/sync/sync-engine"],
  ["contents/zz-lint.tsx", "~src/sync/team-server"],
  ["src/features/page-scan/zz-lint.ts", "../../sync/session-store"],
  ["src/features/page-scan/deep/zz-lint.ts", "~/src/sync/push"],
  ["src/features/lookup-panel/zz-lint.tsx", "../../sync/sync-engine"],
  ["src/features/lookup-panel/zz-lint.tsx", "~src/sync/team-server"]
]

/** Imports each zone allows: the test also fails if the rule bans too much. */
const allowed: [string, string][] = [
  ["src/domain/customers/zz-lint.ts", "../ids"],
  ["src/domain/customers/zz-lint.ts", "~src/domain/ids"],
  ["src/domain/customers/zz-lint.ts", "zod"],
  ["src/domain/customers/zz-lint.ts", "libphonenumber-js"],
  ["server/sync/zz-lint.ts", "../db/db"],
  ["server/sync/zz-lint.ts", "../../src/domain/sync/protocol"],
  ["contents/zz-lint.tsx", "~src/messaging/send"],
  ["src/features/lookup-panel/zz-lint.tsx", "../page-scan/page-scanner"],
  ["src/features/import/zz-lint.ts", "~src/db/database"],
  ["background/zz-lint.ts", "~src/db/database"]
]

describe("the lint zones", () => {
  it.each(forbidden)("refuses %s importing %s", async (file, spec) => {
    expect(await zoneErrors(file, importing(spec))).toHaveLength(1)
  })

  it.each(allowed)("lets %s import %s", async (file, spec) => {
    expect(await zoneErrors(file, importing(spec))).toEqual([])
  })

  it("catches re-exports, dynamic imports and require as well as imports", async () => {
    const file = "src/domain/customers/zz-lint.ts"
    expect(await zoneErrors(file, `export * from "../../db/database"\n`)).toHaveLength(1)
    expect(await zoneErrors(file, `export { getDb } from "~src/db/database"\n`)).toHaveLength(1)
    expect(await zoneErrors(file, `export const load = () => import("../../db/database")\n`)).toHaveLength(1)
    expect(await zoneErrors("server/zz-lint.ts", `// eslint-disable-next-line @typescript-eslint/no-require-imports\nexport const db = require("../src/db/database")\n`)).toHaveLength(1)
  })

  it("names the rule broken and the import in its message", async () => {
    const [message] = await zoneErrors("server/sync/zz-lint.ts", importing("../../src/db/database"))
    expect(message).toMatch(/The server imports only src\/domain \(`\.\.\/\.\.\/src\/db\/database` is in src\/db\)/)
  })
})
