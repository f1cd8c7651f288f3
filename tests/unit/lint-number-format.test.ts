import { resolve } from "node:path"

import { ESLint } from "eslint"
import { beforeAll, describe, expect, it } from "vitest"

const root = resolve(import.meta.dirname, "../..")

/** The project's eslint.config.mjs on files that do not exist (as lint-zones.test.ts does), type-aware rules off. */
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

async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) })
  return result!.messages.filter((m) => m.ruleId === "no-restricted-syntax").map((m) => m.message)
}

const formatting = `export const shown = (n: number, lang: string) => n.toLocaleString(lang)\n`

describe("one way to write a number in the interface: i18next's {{count, number}}", () => {
  it("refuses toLocaleString in the interface's code (features and ui)", async () => {
    expect(await restricted("src/features/sync/zz-lint.tsx", formatting)).toEqual([expect.stringMatching(/\{\{n, number\}\}/)])
    expect(await restricted("src/ui/zz-lint.ts", formatting)).toHaveLength(1)
  })

  it("still refuses HTML there: the interface's rule adds to the project's, it does not replace them", async () => {
    expect(await restricted("src/features/sync/zz-lint.tsx", `export const f = (e: HTMLElement) => { e.innerHTML = "x" }\n`)).toHaveLength(1)
  })

  it("leaves tests alone, which compare with what the browser writes", async () => {
    expect(await restricted("src/ui/zz-lint.test.ts", formatting)).toEqual([])
  })
})

describe("one way to write a date or a time in the interface: src/ui/dates.ts, and TimeInput to type one", () => {
  it("refuses the browser's toLocaleDateString and toLocaleTimeString in the interface's code", async () => {
    expect(await restricted("src/features/softphone/zz-lint.tsx", `export const f = (d: Date) => d.toLocaleDateString("fr") + d.toLocaleTimeString("fr")\n`)).toEqual([
      expect.stringMatching(/src\/ui\/dates\.ts/),
      expect.stringMatching(/src\/ui\/dates\.ts/)
    ])
  })

  it("refuses the browser's time and datetime-local fields, which follow its locale rather than the interface's", async () => {
    expect(await restricted("src/features/call-outcome/zz-lint.tsx", `export const F = () => <input type="time" />\n`)).toEqual([expect.stringMatching(/TimeInput/)])
    expect(await restricted("src/features/call-outcome/zz-lint.tsx", `export const F = () => <input type="datetime-local" />\n`)).toHaveLength(1)
    expect(await restricted("src/features/call-outcome/zz-lint.tsx", `export const F = () => <input type="date" />\n`)).toEqual([])
  })
})
