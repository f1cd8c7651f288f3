import { uuidv7 } from "uuidv7"

/** Client-generated, time-ordered ids: records are created offline and synced later (DESIGN.md). */
export function newId(): string {
  return uuidv7()
}
