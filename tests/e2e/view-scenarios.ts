import type { Page } from "@playwright/test"

import type { DemoCustomer } from "~src/domain/demo/demo-data"

import type { Site } from "./launch"
import { AGENT, crmCustomerView, fullName, gmailThread, outlookReadingPane, roundcubeMailbox, roundcubeMessage, sharedFirstName, spaCrm, uniqueNamed, type CrmView, type Mail } from "./view-pages"

/**
 * The fixture views of issue #7 over the e2e base, shared by the end-to-end tests, the recall/precision figures
 * and the bench: each view says how to reach it, what shows it is there (a positive signal), and which customer
 * codes belong to it.
 */
export interface ViewStep {
  name: string
  /** Brings the page to this view (a click, a route change, a first load). */
  go(page: Page): Promise<void>
  /** A selector (in the page or the preview frame) that exists once the view is scanned. */
  ready: { frame?: string; selector: string }
  expected: string[]
  /** Codes whose card must say "possible match". */
  possible?: string[]
}

const unknown = (local: string) => ({ name: "", email: `${local}@unknown-mail.example.fr` })

export function viewScenarios(customers: DemoCustomer[], site: Site) {
  const fr = customers.filter((c) => c.country === "FR")
  const [a, b, crmA, crmB] = [fr[40]!, fr[41]!, fr[42]!, fr[43]!]
  const skip = new Set([a, b, crmA, crmB].map((c) => c.code))
  const picked = uniqueNamed(customers.slice(150), 7, skip)
  if (picked.length < 7) throw new Error("not enough uniquely named contacts in the e2e base")
  const [c, d, e, f, g, h, i] = picked as [DemoCustomer, DemoCustomer, DemoCustomer, DemoCustomer, DemoCustomer, DemoCustomer, DemoCustomer]
  const first = sharedFirstName(customers)
  const person = (x: DemoCustomer) => ({ name: fullName(x), email: x.contacts[0]!.emails[0]! })
  const named = (x: DemoCustomer, local: string) => ({ ...unknown(local), name: fullName(x) })

  // ---- 3-pane webmail (Roundcube) ----
  const mails: Mail[] = [
    { uid: 1, subject: "Commande de ramettes", from: person(a), to: [AGENT], body: `Bonjour, rappelez-moi au ${a.writtenPhones[0]![0]} pour la livraison.`, expected: [a.code] },
    {
      uid: 2,
      subject: "Devis n° D-2026-118",
      from: person(b),
      to: [AGENT, named(d, "d.perso")],
      cc: [named(e, "e.perso")],
      body: `Voici notre standard : ${b.writtenPhones[0]![0]}. Montant 1 234,56 € HT, échéance 30/12/2026.`,
      expected: [b.code]
    },
    { uid: 3, subject: "Question", from: named(c, "c.perso"), to: [AGENT], body: "Bonjour, pouvez-vous me rappeler ? Merci.", expected: [c.code], possible: [c.code] },
    { uid: 4, subject: "Bonjour", from: { ...unknown("prenom.seul"), name: first }, to: [AGENT], body: "Un simple bonjour.", expected: [] }
  ]
  site.route("/webmail/", roundcubeMailbox(mails))
  for (const m of mails) site.route(`/webmail/preview/${m.uid}`, roundcubeMessage(m))
  const mailSteps: ViewStep[] = mails.map((m) => ({
    name: `webmail message ${m.uid}`,
    go: (page) => page.locator(`#rcmrow${m.uid} .subject a`).click(),
    ready: { frame: "#messagecontframe", selector: `[data-comptoir-email="${m.from.email}"]` },
    expected: m.expected,
    possible: m.possible
  }))

  // ---- single-page CRM ----
  const views: CrmView[] = [
    crmCustomerView(crmA, "/app/customers/1"),
    { path: "/app/contacts/77", kind: "contact", title: "Paul Prospect", phone: "01 98 76 54 21", email: "paul.prospect@unknown-mail.example.fr", expected: [] },
    crmCustomerView(crmB, "/app/customers/2"),
    crmCustomerView(a, "/app/customers/3")
  ]
  const crmHtml = spaCrm(views)
  for (const v of views) site.route(v.path, crmHtml)
  const crmSteps: ViewStep[] = views.map((v) => ({
    name: `CRM ${v.path}`,
    go: (page) => page.locator(`#nav a[href="${v.path}"]`).click(),
    ready: { selector: `#main [data-comptoir-email="${v.email}"]` },
    expected: v.expected
  }))

  // ---- mail headers with several recipients ----
  site.route(
    "/mail/u/0/thread",
    gmailThread([
      { from: named(f, "f.perso"), to: [AGENT, named(g, "g.perso")], cc: [named(h, "h.perso")], body: "Pouvez-vous me faire un devis ?" },
      { from: { ...unknown("prenom.partage"), name: first }, to: [AGENT, named(g, "g.perso")], cc: [], body: "Je suis en copie." }
    ])
  )
  site.route("/owa/mail/inbox", outlookReadingPane({ from: named(i, "i.perso"), to: [AGENT, named(h, "h2.perso")], cc: [named(g, "g2.perso")], body: "Could you call me back?" }))
  const headerSteps: ViewStep[] = [
    {
      name: "Gmail thread with recipients",
      go: async (page) => void (await page.goto(`${site.origin}/mail/u/0/thread`)),
      ready: { selector: `[data-comptoir-email="${unknown("prenom.partage").email}"]` },
      expected: [f.code],
      possible: [f.code]
    },
    {
      name: "Outlook reading pane with recipients",
      go: async (page) => void (await page.goto(`${site.origin}/owa/mail/inbox`)),
      ready: { selector: `[data-comptoir-email="${unknown("g2.perso").email}"]` },
      expected: [i.code],
      possible: [i.code]
    }
  ]

  return { mails, mailSteps, views, crmSteps, headerSteps, people: { a, b, c, d, e, f, g, h, i, crmA, crmB, first } }
}

const overlay = (page: Page) => page.locator("#comptoir-overlay")

/** The codes of the cards under "On this page", in order (Recent cards excluded). */
export async function onPageCodes(page: Page): Promise<string[]> {
  return overlay(page)
    .locator('[data-comptoir="customer-card"]')
    .evaluateAll((els) => els.filter((e) => !e.closest('[data-comptoir="recent"]')).map((e) => e.getAttribute("data-customer-code")!))
}

export async function waitReady(page: Page, step: ViewStep): Promise<void> {
  const root = step.ready.frame ? page.frameLocator(step.ready.frame) : page
  await root.locator(step.ready.selector).first().waitFor({ state: "attached" })
}

/**
 * What the panel shows once the view settled: the positive signal first, then the expected cards (or the timeout
 * if they never come), then the same list twice 400 ms apart (a late, wrong card would change it).
 */
export async function settledCodes(page: Page, step: ViewStep, timeoutMs = 5000): Promise<string[]> {
  await waitReady(page, step)
  const deadline = Date.now() + timeoutMs
  let codes = await onPageCodes(page)
  while (Date.now() < deadline && !step.expected.every((c) => codes.includes(c))) {
    await page.waitForTimeout(50)
    codes = await onPageCodes(page)
  }
  for (;;) {
    await page.waitForTimeout(400)
    const again = await onPageCodes(page)
    if (JSON.stringify(again) === JSON.stringify(codes) || Date.now() > deadline) return again
    codes = again
  }
}
