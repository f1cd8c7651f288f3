import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { resolve } from "node:path"

import { afterEach, describe, expect, it, vi } from "vitest"

/**
 * `npm start` printed "You have to install "svgo" in order to use htmlnano's "minifySvg" module" once per page:
 * Parcel's HTML optimizer (htmlnano, in Plasmo's production build) asks for svgo to minify inline SVG, and the
 * extension's pages have none. The project's htmlnano settings (package.json "htmlnano") turn that module off.
 * Parcel's own optimizer is run here on a page as Plasmo writes it, with the settings found the way Parcel finds them.
 */
const root = resolve(import.meta.dirname, "../..")
const CONFIG = Symbol.for("parcel-plugin-config")

interface OptimizerOpts {
  loadConfig: (a: { config: unknown; options: { projectRoot: string } }) => Promise<unknown>
  optimize: (a: { bundle: { env: { shouldOptimize: boolean }; type: string }; contents: string; map: null; config: unknown }) => Promise<{ contents: string }>
}

/** Parcel's config lookup for this plugin: a .htmlnanorc-style file at the root, else package.json's "htmlnano" key. */
const parcelConfig = {
  async getConfigFrom(_from: string, files: string[], opts: { packageKey: string }) {
    for (const f of files) {
      try {
        return { contents: JSON.parse(readFileSync(resolve(root, f), "utf8")) as unknown }
      } catch {
        // not there (or not JSON): the next one
      }
    }
    const pkg = JSON.parse(readFileSync(resolve(root, "package.json"), "utf8")) as Record<string, unknown>
    return opts.packageKey in pkg ? { contents: pkg[opts.packageKey] } : null
  }
}

afterEach(() => vi.restoreAllMocks())

describe("the production build's HTML pages", () => {
  it("are minified without htmlnano asking for svgo (no warning in npm start)", async () => {
    // Required, not imported: the plugin ships no types.
    const plugin = createRequire(import.meta.url)("@parcel/optimizer-htmlnano") as { default: Record<symbol, OptimizerOpts> }
    const optimizer = plugin.default[CONFIG]!
    const config = await optimizer.loadConfig({ config: parcelConfig, options: { projectRoot: root } })
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {})
    const page = `<!DOCTYPE html><html><head><title>Comptoir</title><meta charset="utf-8"></head><body> <div id="__plasmo"></div> <script src="/popup.js" defer></script> </body></html>`
    const { contents } = await optimizer.optimize({ bundle: { env: { shouldOptimize: true }, type: "html" }, contents: page, map: null, config })
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([])
    // The page still loads its script.
    expect(contents).toContain('<script src="/popup.js" defer></script>')
  })
})
