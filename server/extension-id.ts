import { createHash } from "node:crypto"
import { existsSync, realpathSync } from "node:fs"
import { resolve } from "node:path"

/**
 * The id Chrome gives an unpacked extension without a `key` in its manifest: the first 128 bits of the
 * SHA-256 of its absolute directory path, written in hex with the digits 0–f shifted to the letters a–p.
 * The build has no key, so its id depends on where the checkout lives; demo mode derives it rather than
 * pinning a key (a key in the manifest would give every developer's build, and the store's, one identity).
 */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash("sha256").update(realpathSync(dir)).digest("hex").slice(0, 32)
  return [...hex].map((h) => String.fromCharCode("a".charCodeAt(0) + parseInt(h, 16))).join("")
}

/** The id of this checkout's Chrome build (`COMPTOIR_BUILD` or build/chrome-mv3-prod), or null when not built. */
export function localBuildExtensionId(cwd = process.cwd()): string | null {
  const dir = resolve(cwd, process.env.COMPTOIR_BUILD ?? "build/chrome-mv3-prod")
  return existsSync(dir) ? unpackedExtensionId(dir) : null
}
