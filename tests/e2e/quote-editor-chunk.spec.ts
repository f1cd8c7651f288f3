import { readdirSync, readFileSync, statSync } from "node:fs"
import { join, relative } from "node:path"

import { expect, test } from "@playwright/test"

import { BUILD_DIR } from "./launch"

/**
 * The quote editor's chunk as built (issue #10): what a New quote clicked right after the side panel or the softphone
 * tab opens waits for. Read from the built files, no browser: the chunk's modules are the keys of its module map
 * (the build keeps every module under its id in the shared `parcelRequire` registry), and a module the pages that
 * load the chunk already hold is a copy parsed again for nothing (Plasmo's bundler left them all in:
 * scripts/parcel/bundler-lazy-dedupe.js).
 */
const MODULE_KEY = /[{,]"?([A-Za-z0-9_$]+)"?:\[function\(/g

function scripts(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return scripts(path)
    return name.endsWith(".js") ? [path] : []
  })
}

function modulesOf(path: string): Set<string> {
  return new Set([...readFileSync(path, "utf8").matchAll(MODULE_KEY)].map((m) => m[1]!))
}

const all = scripts(BUILD_DIR)
const chunk = all.find((p) => /(^|\/)in-place-quote\.[0-9a-f]+\.js$/.test(p))

test("the quote editor's chunk holds none of the modules the pages that load it already ran", () => {
  expect(chunk, `no in-place-quote chunk in ${BUILD_DIR}`).toBeDefined()
  const file = relative(BUILD_DIR, chunk!)
  const loaders = all.filter((p) => p !== chunk && readFileSync(p, "utf8").includes(file.split("/").pop()!))
  expect(loaders.map((p) => relative(BUILD_DIR, p)).sort()).toEqual([expect.stringMatching(/^sidepanel\./), expect.stringMatching(/^tabs\/softphone\./)])
  const own = modulesOf(chunk!)
  const inPages = loaders.map(modulesOf)
  const copies = [...own].filter((id) => inPages.every((page) => page.has(id)))
  expect(own.size).toBeGreaterThan(10)
  expect(copies, `${copies.length} of the chunk's ${own.size} modules are copies of its pages' own`).toHaveLength(0)
})

test("the quote editor's chunk weighs what is new to its pages: under 300 KB (1.31 MB with the copies)", () => {
  expect(statSync(chunk!).size).toBeLessThan(300_000)
})
