import { publishBaseProfile } from "~src/features/lookup-panel/base-profile-store"

import { services } from "./services"

/** After an import or a sync settles: one read of the base for a burst of changes. */
const SETTLE_MS = 1_000
let timer: ReturnType<typeof setTimeout> | null = null

/** Relearns the base's countries and code shapes for the pages (see base-profile-store.ts). */
export function scheduleBaseProfile(): void {
  if (timer !== null) clearTimeout(timer)
  timer = setTimeout(() => {
    timer = null
    void refreshBaseProfile().catch(() => undefined)
  }, SETTLE_MS)
}

export async function refreshBaseProfile(): Promise<void> {
  await publishBaseProfile(await services.customers.all())
}
