import type { Browser } from "puppeteer-core"

import { ADDON_ID } from "./launch"

/*
 * What Firefox itself holds for the add-on, read in the browser's own (chrome) scope over WebDriver BiDi
 * (`"moz:scope": "chrome"`, allowed by the launcher's --remote-allow-system-access): the toolbar button's badge and
 * title as Firefox draws them, and the stored softphone view. Reading them is no extension event, so it neither
 * starts a stopped event page nor keeps one alive, which opening the popup would.
 */

export interface ToolbarAction {
  text: string
  title: string
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>
}

export async function evaluateInChrome<T>(browser: Browser, expression: string): Promise<T> {
  const connection = (browser as unknown as { connection: BidiConnection }).connection
  const tree = (await connection.send("browsingContext.getTree", { "moz:scope": "chrome" })).result as { contexts: { context: string }[] }
  const context = tree.contexts[0]?.context
  if (!context) throw new Error("no chrome window to read the toolbar in")
  const { result } = (await connection.send("script.evaluate", { target: { context }, awaitPromise: true, expression })) as {
    result: { type: string; result?: { type: string; value?: unknown }; exceptionDetails?: { text: string } }
  }
  if (result.type === "exception") throw new Error(`chrome-scope evaluation failed: ${result.exceptionDetails?.text ?? "?"}`)
  return JSON.parse(String(result.result?.value)) as T
}

/** The add-on's toolbar button: its badge text and its title (the same in every tab: the softphone sets them globally). */
export function toolbarAction(browser: Browser): Promise<ToolbarAction> {
  return evaluateInChrome(
    browser,
    `(() => {
      const { ExtensionParent } = ChromeUtils.importESModule("resource://gre/modules/ExtensionParent.sys.mjs")
      const extension = WebExtensionPolicy.getByID(${JSON.stringify(ADDON_ID)}).extension
      const data = ExtensionParent.apiManager.global.browserActionFor(extension).action.getContextData(null)
      return JSON.stringify({ text: data.badgeText, title: data.title })
    })()`
  )
}

/** A key of the add-on's `storage.session`, as Firefox holds it (undefined when absent). */
export function sessionStorageValue<T>(browser: Browser, key: string): Promise<T | undefined> {
  return evaluateInChrome(
    browser,
    `(async () => {
      const { extensionStorageSession } = ChromeUtils.importESModule("resource://gre/modules/ExtensionStorage.sys.mjs")
      const extension = WebExtensionPolicy.getByID(${JSON.stringify(ADDON_ID)}).extension
      const value = extensionStorageSession.get(extension, ${JSON.stringify(key)})[${JSON.stringify(key)}]
      // Kept as a structured clone for the extension's processes.
      return JSON.stringify({ value: typeof value?.deserialize === "function" ? value.deserialize(globalThis) : value })
    })()`
  ).then((r) => (r as { value?: T }).value)
}

/**
 * What a click on the add-on's toolbar button grants before its popup opens: `activeTab` on the tab in front
 * (Firefox's browser action calls the same `addActiveTabPermission`), so the popup may read that tab's address
 * and run a script in it. A popup page opened as a tab gets no such click: the test gives it this way.
 */
export function grantActiveTabAsTheToolbarClickDoes(browser: Browser): Promise<string> {
  return evaluateInChrome(
    browser,
    `(() => {
      const extension = WebExtensionPolicy.getByID(${JSON.stringify(ADDON_ID)}).extension
      const tab = Services.wm.getMostRecentWindow("navigator:browser").gBrowser.selectedTab
      extension.tabManager.addActiveTabPermission(tab)
      return JSON.stringify(tab.linkedBrowser.currentURI.spec)
    })()`
  )
}
