import js from "@eslint/js"
import globals from "globals"
import tseslint from "typescript-eslint"

import importZones from "./eslint-rules/import-zones.mjs"

/**
 * Which folders may not import which (README "Layout"). Every import is resolved to a repository path
 * first, so `../../db`, `../../../src/db`, `~src/db` and `~/src/db` are one and the same
 * (`eslint-rules/import-zones.mjs`; `tests/unit/lint-zones.test.ts` tries each form).
 */
const zones = [
  {
    target: ["src/domain"],
    from: ["src/db", "src/ui", "src/features", "src/sync", "src/messaging", "src/i18n", "background", "contents", "popup", "options", "server"],
    packages: ["dexie", "dexie-*", "react", "react-*", "plasmo", "@plasmohq/*", "webextension-polyfill"],
    message: "src/domain is pure TypeScript: no Dexie, React, browser, storage or feature imports"
  },
  {
    target: ["server"],
    from: ["src/db", "src/ui", "src/features", "src/sync", "src/messaging", "background", "contents", "popup", "options"],
    packages: ["dexie", "dexie-*", "react", "react-*", "plasmo", "@plasmohq/*"],
    message: "The server imports only src/domain"
  },
  {
    target: ["contents", "src/features/page-scan", "src/features/lookup-panel"],
    from: ["src/db", "src/sync"],
    packages: ["dexie", "dexie-*"],
    message: "Runs in content scripts, in the page's origin: ask the background, never open IndexedDB here"
  }
]

/** Constructs refused everywhere (a later block setting no-restricted-syntax replaces these, so it repeats them). */
const restrictedSyntax = [
  { selector: "ImportDeclaration[source.value='zod'] ImportSpecifier[imported.name='z']", message: "Use `import * as z from \"zod\"`: the named import crashes under Parcel (DESIGN.md)." },
  { selector: "AssignmentExpression > MemberExpression[property.name=/^(innerHTML|outerHTML)$/]", message: "Page text is rendered as text: never assign HTML." },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: "Page text is rendered as text: never insert HTML." },
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: "Page text is rendered as text: never inject HTML." }
]

export default tseslint.config(
  { ignores: ["build/**", ".plasmo/**", "node_modules/**", "test-results/**", "playwright-report/**", "bench-results/**", ".data/**", "**/*.mjs", "**/*.js"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.mts"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node, chrome: "readonly" }
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-syntax": ["error", ...restrictedSyntax]
    }
  },
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.mts"],
    plugins: { comptoir: importZones },
    rules: { "comptoir/import-zones": ["error", { root: import.meta.dirname, zones }] }
  },
  {
    // One way to write a number in the interface, i18next's: a second one (toLocaleString) drifted from it once
    // (the sync progress). Dates have src/ui/dates.ts. Tests may compare with what the browser writes.
    files: ["src/features/**/*.ts", "src/features/**/*.tsx", "src/ui/**/*.ts", "src/ui/**/*.tsx"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ...restrictedSyntax,
        { selector: "CallExpression[callee.property.name='toLocaleString']", message: "Write numbers through i18next (`{{n, number}}` in the string) and dates through src/ui/dates.ts, not toLocaleString." },
        // Dates and times one way too (walk21ff: « 8 déc. 2026, 00:11 » beside « 08/12/2026 00:02 » in one dock).
        { selector: "CallExpression[callee.property.name=/^toLocale(Date|Time)String$/]", message: "Write dates and times through src/ui/dates.ts (the interface's language), not the browser's toLocaleDateString/toLocaleTimeString." },
        // The browser's time fields follow its own locale, not the interface's (a 12-hour AM/PM field in a Firefox without a French pack).
        { selector: "JSXAttribute[name.name='type'][value.value=/^(time|datetime-local)$/]", message: "A time of day is TimeInput (src/ui/time-input.tsx): the browser's time fields follow its locale, not the interface's language." }
      ]
    }
  },
  {
    files: ["src/domain/**"],
    rules: {
      "no-restricted-globals": ["error", "chrome", "window", "document", "indexedDB", "localStorage", "navigator"]
    }
  }
)
