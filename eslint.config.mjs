import js from "@eslint/js"
import globals from "globals"
import tseslint from "typescript-eslint"

const domainBans = {
  patterns: [
    { group: ["dexie", "dexie-*", "react", "react-*", "plasmo", "@plasmohq/*", "~src/db/*", "~src/features/*", "~src/messaging/*", "../../db/*", "../../features/*"], message: "src/domain is pure TypeScript: no Dexie, React, browser or feature imports." }
  ]
}

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
      "no-restricted-syntax": ["error", { selector: "ImportDeclaration[source.value='zod'] ImportSpecifier[imported.name='z']", message: "Use `import * as z from \"zod\"`: the named import crashes under Parcel (DESIGN.md)." },
        { selector: "AssignmentExpression > MemberExpression[property.name=/^(innerHTML|outerHTML)$/]", message: "Page text is rendered as text: never assign HTML." },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: "Page text is rendered as text: never insert HTML." },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: "Page text is rendered as text: never inject HTML." }]
    }
  },
  {
    files: ["src/domain/**"],
    rules: {
      "no-restricted-imports": ["error", domainBans],
      "no-restricted-globals": ["error", "chrome", "window", "document", "indexedDB", "localStorage", "navigator"]
    }
  },
  {
    files: ["contents/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["~src/db", "~src/db/*", "dexie"], message: "Content scripts run in the page's origin: ask the background, never open IndexedDB here." }] }]
    }
  },
  {
    files: ["src/features/lookup-panel/**", "src/features/page-scan/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["~src/db", "~src/db/*", "dexie"], message: "Runs in content scripts: ask the background, never open IndexedDB here." }] }]
    }
  },
  {
    files: ["server/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["~src/db/*", "~src/features/*", "~src/messaging/*", "react", "dexie", "../src/db/*", "../src/features/*"], message: "The server imports only src/domain." }] }]
    }
  }
)
