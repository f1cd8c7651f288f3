/**
 * Forms of the workspace with changes not saved yet. A workspace tab holding any is not taken over by a card's
 * "New quote" (the background opens a new tab instead), so a click on a page never throws away typing.
 */
const unsaved = new Set<string>()

export function markUnsaved(id: string, dirty: boolean): void {
  if (dirty) unsaved.add(id)
  else unsaved.delete(id)
}

export function hasUnsavedWork(): boolean {
  return unsaved.size > 0
}
