import { readFileSync } from "node:fs"
import { join } from "node:path"

import { describe, it } from "vitest"

import {
  expectAttachments,
  expectBulkAndAutomatic,
  expectKnownCustomers,
  expectLookAlikesSayNoGoods,
  expectSetShape,
  itChecksDeliveryDays,
  itChecksLabelRuns,
  itChecksSaidAgain,
  readLabelledMails,
  readMadeFrom,
  type DeliveryRules,
  type LabelledMail,
  type LabelRuns,
  type SaidAgain,
  type SetAttachments,
  type SetHeaders
} from "./held-out-labels-kit"
import { itChecksShared, type SharedChecks } from "./held-out-set-checks"

/**
 * One call per 40-mail held-out part (held-out 27 on): it reads the part's mails, what they are made from and their
 * source lines once, registers the checks every such part shares with the part's own values and sentences naming
 * it, then hands the same readings to the part's own checks. So a part's file keeps only its values and what is its own.
 */
export type HeldOutPart = {
  /** The part's describe sentence. */
  title: string
  /** How the sentences name it ("held-out 54", "h34"). */
  name: string
  /** Its mails: a held-out folder, or tuned/ with the part's prefix ("h34-"). */
  folder: string
  prefix?: string
  /** Its file in sources/ (what each mail is made from), for the parts whose checks read it. */
  source?: string
}

/** The part's values for the checks every part gets, and for the `SharedChecks` it asks for. */
export type HeldOutValues = SharedChecks & {
  /** How many of its 40 mails are French (the first ones), its look-alikes' numbers, and its orders' lines. */
  french: number
  lookAlikes?: readonly number[]
  lines: number
  /** Each look-alike's words that say no goods are asked for, by mail number (its look-alikes are then exactly these). */
  noGoods?: Readonly<Record<number, RegExp>>
  attachments?: SetAttachments
  headers?: SetHeaders
  /** The customers its labels name, as [mail number, code]. */
  knownCustomers?: readonly (readonly [number, string])[]
  runs?: Omit<LabelRuns, "madeFrom">
  saidAgain?: SaidAgain
  delivery: DeliveryRules
}

export type HeldOutReadings = {
  mails: LabelledMail[]
  madeFrom: ReadonlyMap<string, string>
  /** Each mail's lines as its source writes them (body with quotes unmarked, then its PDF's or CSV's rows). */
  sourceLines: ReadonlyMap<string, readonly string[]>
}

const SOURCES = join(import.meta.dirname, "..", "fixtures", "orders", "sources")

/** Each mail's lines as its source writes them, one per line: what a check reading a count beside its words needs. */
export function readSourceLines(sourceFile: string): ReadonlyMap<string, readonly string[]> {
  return new Map(
    readFileSync(join(SOURCES, sourceFile), "utf8")
      .split(/^=== /m)
      .filter((b) => b.trim() !== "")
      .map((block) => {
        const [head, ...body] = block.split(/^---$/m)
        const rows = head!
          .split("\n")
          .filter((l) => /^(pdf|csv):/.test(l))
          .map((l) => l.replace(/^(pdf|csv):\s?/, ""))
        return [
          head!.split("\n")[0]!.trim(),
          [
            ...body
              .join("---")
              .split("\n")
              .map((l) => l.replace(/^>\s?/, "")),
            ...rows
          ]
        ] as const
      })
  )
}

const listed = (xs: readonly (number | string)[]) => (xs.length === 0 ? "none" : xs.join(", "))

export function describeHeldOutSet(part: HeldOutPart, values: HeldOutValues, own: (readings: HeldOutReadings) => void = () => undefined) {
  const mails = readLabelledMails(part.folder, part.prefix)
  const madeFrom: ReadonlyMap<string, string> = part.source === undefined ? new Map() : readMadeFrom(part.source)
  const sourceLines = part.source === undefined ? new Map<string, readonly string[]>() : readSourceLines(part.source)
  const { name, french } = { name: part.name, french: values.french }
  const lookAlikes = values.noGoods === undefined ? values.lookAlikes! : Object.keys(values.noGoods).map(Number)

  describe(part.title, () => {
    it(`holds ${name}'s 40 mails, ${french} French (01–${french}) and ${40 - french} English, ${lookAlikes.length} of them not orders (${listed(lookAlikes)}), its orders ${values.lines} lines long`, () => {
      expectSetShape(mails, { french, lookAlikes, lines: values.lines })
    })

    if (values.noGoods !== undefined) {
      const noGoods = values.noGoods
      it(`labels as look-alikes only ${name}'s mails whose own words ask for no goods`, () => {
        expectLookAlikesSayNoGoods(mails, madeFrom, noGoods)
      })
    }

    if (values.attachments !== undefined) {
      const { pdf, csv1252, csvUtf8 } = values.attachments
      it(`attaches ${name}'s PDFs exactly to ${listed(pdf)}, its windows-1252 .csv to ${listed(csv1252)} and its UTF-8 .csv to ${listed(csvUtf8)}`, () => {
        expectAttachments(mails, values.attachments!)
      })
    }

    if (values.headers !== undefined) {
      const { bulk, autoSubmitted } = values.headers
      it(`marks exactly ${name}'s mails ${listed(bulk)} as bulk and ${listed(autoSubmitted)} as automatic`, () => {
        expectBulkAndAutomatic(mails, values.headers!)
      })
    }

    if (values.knownCustomers !== undefined) {
      const known = values.knownCustomers
      it(`names a known customer exactly for ${name}'s ${known.length} orders sent from a customer's address (${listed(known.map(([n, code]) => `${n}: ${code}`))}), and none for the others`, () => {
        expectKnownCustomers(mails, known)
      })
    }

    if (values.runs !== undefined) itChecksLabelRuns(mails, { madeFrom, ...values.runs })
    if (values.saidAgain !== undefined) itChecksSaidAgain(mails, madeFrom, values.saidAgain)
    itChecksShared(name, { mails, madeFrom, sourceLines }, values)
    own({ mails, madeFrom, sourceLines })
    itChecksDeliveryDays(mails, values.delivery)
  })
}
