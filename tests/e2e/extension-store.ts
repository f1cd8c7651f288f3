import type { BrowserContext } from "@playwright/test"

/** Rows of a table of the extension's IndexedDB, read (or written, `put`) from an extension page. */
export async function extensionStore<T>(context: BrowserContext, extensionId: string, store: string, put?: Record<string, unknown>): Promise<T[]> {
  const page = await context.newPage()
  await page.goto(`chrome-extension://${extensionId}/options.html`)
  const rows = await page.evaluate(
    ({ store, put }) =>
      new Promise<unknown[]>((ok, fail) => {
        const req = indexedDB.open("comptoir")
        req.onerror = () => fail(req.error)
        req.onsuccess = () => {
          try {
            const tx = req.result.transaction(store, put ? "readwrite" : "readonly")
            if (put) tx.objectStore(store).put(put)
            const get = tx.objectStore(store).getAll()
            tx.oncomplete = () => {
              ok(get.result as unknown[])
              req.result.close()
            }
            tx.onerror = () => fail(tx.error)
          } catch (e) {
            fail(e)
          }
        }
      }),
    { store, put }
  )
  await page.close()
  return rows as T[]
}
