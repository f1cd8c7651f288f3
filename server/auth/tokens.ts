import { createHash, randomBytes } from "node:crypto"

/** Opaque: 32 random bytes. The prefix tells a leaked secret scanner what it found. */
export function newToken(prefix: "cpt" | "inv" | "tkt"): string {
  return `${prefix}_${randomBytes(32).toString("base64url")}`
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex")
}
