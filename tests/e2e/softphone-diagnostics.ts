import { writeFileSync } from "node:fs"

import type { BrowserContext, Page, TestInfo } from "@playwright/test"

import type { TelephonyLab } from "../telephony-lab/lab"

/**
 * What a failed softphone test leaves to read (tests/README.md, "Intermittent failures": a wrong number hung up
 * once stayed "in call" on CI and could not be reproduced): what each open dock showed, the view the background
 * published, the calls the lab's peer still had, and what kamailio and baresip logged during the test. Attached
 * to the report as `softphone-diagnostics`; it never decides whether the test passed.
 */
export interface LabLogMarks {
  kamailio: number
  baresip: number
}

const DAEMONS = ["kamailio", "baresip"] as const

/** Where each daemon's log stands at the start of a test, so that only the test's own part is attached. */
export function markLabLogs(lab: TelephonyLab): LabLogMarks {
  const at = (d: (typeof DAEMONS)[number]) => {
    try {
      return lab.log(d).length
    } catch {
      return 0
    }
  }
  return { kamailio: at("kamailio"), baresip: at("baresip") }
}

/** A step that may hang in a stuck browser or lab: its answer within `ms`, else a note saying so. */
async function within<T>(ms: number, what: Promise<T>): Promise<T | string> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<string>((ok) => (timer = setTimeout(() => ok(`(no answer within ${ms} ms)`), ms)))
  try {
    return await Promise.race([what.catch((e: unknown) => `(failed: ${e instanceof Error ? e.message : String(e)})`), late])
  } finally {
    clearTimeout(timer)
  }
}

/** One open dock: its visible state, heading, error line and buttons, as the agent sees them. */
function dockOf(p: Page): Promise<unknown> {
  return p.evaluate(() =>
    [...document.querySelectorAll('[data-comptoir="softphone"]')].map((d) => ({
      state: d.getAttribute("data-state"),
      heading: d.querySelector('[data-comptoir="softphone-status"]')?.textContent ?? null,
      errors: [...d.querySelectorAll(".c-error")].map((e) => e.textContent),
      buttons: [...d.querySelectorAll("button[data-comptoir]")].map((b) => b.getAttribute("data-comptoir"))
    }))
  )
}

export async function attachSoftphoneDiagnostics(testInfo: TestInfo, ctx: BrowserContext, extensionId: string, lab: TelephonyLab, marks: LabLogMarks): Promise<void> {
  const out: string[] = [`test: ${testInfo.title}`, `status: ${testInfo.status}`]
  const pages = ctx.pages().filter((p) => p.url().startsWith(`chrome-extension://${extensionId}/`))
  for (const p of pages) out.push(`dock in ${p.url()}: ${JSON.stringify(await within(3000, dockOf(p)))}`)
  const asker = pages[0]
  if (asker) {
    const view = await within(3000, asker.evaluate(() => chrome.runtime.sendMessage({ type: "softphone/state", payload: {} })))
    out.push(`published view: ${JSON.stringify(view)}`)
  }
  const calls = await within(6000, lab.command("listcalls"))
  out.push(`lab peer's calls: ${typeof calls === "string" ? calls : calls.data}`)
  for (const d of DAEMONS) {
    let log: string
    try {
      // baresip's running "[0:00:01] audio=0/0 (bit/s)" counters, rewritten in place on a terminal, say nothing here.
      log = lab.log(d).slice(marks[d]).replace(/\[\d+:\d\d:\d\d\] audio=\S+ \(bit\/s\)\s*/g, "").slice(-8_000)
    } catch (e) {
      log = `(unreadable: ${e instanceof Error ? e.message : String(e)})`
    }
    out.push(`---- ${d}.log during the test ----`, log)
  }
  // Written out in full (the list reporter prints an attachment's first few hundred characters only) and into the
  // run's output, which is all a CI run leaves to read.
  const text = out.join("\n")
  const file = testInfo.outputPath("softphone-diagnostics.txt")
  writeFileSync(file, text)
  await testInfo.attach("softphone-diagnostics", { path: file, contentType: "text/plain" })
  console.error(`---- softphone diagnostics (${testInfo.title}) ----\n${text}\n---- end of softphone diagnostics ----`)
}
