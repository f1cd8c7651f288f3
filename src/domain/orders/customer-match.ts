import type { CountryCode, Customer } from "../customers/customer.schema"
import { findPhones } from "../detect/find-phones"
import { strictNameMatch } from "../lookup/name-match"
import { compactCode, foldText } from "../search/fold-text"
import type { CustomerMemory } from "./types"

/** Mailbox providers shared by many people: their domain says nothing about the company. */
const PUBLIC_DOMAINS = new Set([
  "gmail.com", "googlemail.com", "yahoo.com", "yahoo.fr", "hotmail.com", "hotmail.fr", "outlook.com", "outlook.fr", "live.com", "live.fr",
  "msn.com", "icloud.com", "me.com", "aol.com", "orange.fr", "wanadoo.fr", "free.fr", "sfr.fr", "laposte.net", "neuf.fr", "bbox.fr",
  "gmx.fr", "gmx.com", "proton.me", "protonmail.com", "yahoo.co.uk", "btinternet.com", "hotmail.co.uk", "mail.com", "numericable.fr"
])

/** A public mailbox provider's domain: who writes from it says nothing about their company. */
export function isPublicDomain(domain: string): boolean {
  return PUBLIC_DOMAINS.has(domain.toLowerCase())
}
const LEGAL_FORMS = /\b(?:sarl|sas|sasu|sa|eurl|sci|snc|ltd|llp|plc|inc|llc|group|gmbh|et associes|freres|fils)\b/g

export interface CustomerHit {
  customer: Customer
  confidence: number
  via: "email" | "domain" | "name" | "phone" | "code" | "po-prefix"
  evidence: string
}

export function emailOf(s: string | null): string | null {
  if (s === null) return null
  const m = /[\w.+'-]+@[\w-]+(?:\.[\w-]+)+/.exec(s)
  return m ? m[0].toLowerCase() : null
}

function companyKey(name: string): string {
  return foldText(name).replace(LEGAL_FORMS, " ").replace(/\s+/g, " ").trim()
}

/** A company's folded name without its legal form, and its second word (null for a one-word name). */
interface Company {
  key: string
  second: string | null
  customer: Customer
}

export class CustomerMatcher {
  private readonly byEmail = new Map<string, Customer>()
  private readonly byDomain = new Map<string, Customer[]>()
  private readonly byCode = new Map<string, Customer>()
  private readonly byPhone = new Map<string, Customer[]>()
  /** The countries of the base's customers: a signature's national numbers are read in these. */
  private readonly countries: CountryCode[]
  private readonly companies: Company[] = []
  /**
   * Indexes built once per base, not per mail (20,000 customers took ~100 ms a mail scanned one by one): company
   * names by their first word, and for the sender's display name the customers it can be: by each word of a
   * contact's first and last name (one typo leaves the other word whole), by the whole name without spaces (a
   * typo that moved the space), and by the folded company name.
   */
  private readonly companiesByFirstWord = new Map<string, Company[]>()
  private readonly byNameWord = new Map<string, Set<Customer>>()
  private readonly byById = new Map<string, Customer>()

  constructor(private readonly customers: readonly Customer[], private readonly memory: Readonly<Record<string, CustomerMemory>> = {}) {
    const nameKey = (k: string, c: Customer): void => {
      if (k === "") return
      const set = this.byNameWord.get(k)
      if (set === undefined) this.byNameWord.set(k, new Set([c]))
      else set.add(c)
    }
    for (const c of customers) {
      this.byCode.set(compactCode(c.code), c)
      this.byById.set(c.id, c)
      const key = companyKey(c.company)
      if (key.length >= 5) this.companies.push({ key, second: key.split(" ")[1] ?? null, customer: c })
      nameKey("=" + foldText(c.company), c)
      for (const p of c.contacts) {
        const first = foldText(p.firstName)
        const last = foldText(p.lastName)
        for (const w of `${first} ${last}`.split(" ")) nameKey(w, c)
        nameKey("#" + (first + last).replace(/ /g, ""), c)
      }
      const domains = new Set<string>()
      for (const p of c.contacts) {
        for (const phone of p.phones) if (!(this.byPhone.get(phone) ?? []).includes(c)) this.byPhone.set(phone, [...(this.byPhone.get(phone) ?? []), c])
        for (const e of p.emails) {
          this.byEmail.set(e.toLowerCase(), c)
          const d = e.toLowerCase().split("@")[1]
          if (d !== undefined && !PUBLIC_DOMAINS.has(d)) domains.add(d)
        }
      }
      for (const d of domains) this.byDomain.set(d, [...(this.byDomain.get(d) ?? []), c])
    }
    this.countries = [...new Set(customers.map((c) => c.country))].sort()
    // Longest names first: "Transports Girard Frères" before "Girard".
    this.companies.sort((a, b) => b.key.length - a.key.length)
    for (const entry of this.companies) {
      const first = entry.key.split(" ")[0]!
      const list = this.companiesByFirstWord.get(first)
      if (list === undefined) this.companiesByFirstWord.set(first, [entry])
      else list.push(entry)
    }
  }

  /**
   * The customers a display name can be by the strict rule (strictNameMatch): the same answer as over the whole
   * base, since a name one edit from a contact's "first last" keeps one of its words whole or, the space moved,
   * its letters; a company's name must be equal once folded.
   */
  private nameCandidates(name: string): Customer[] {
    const folded = foldText(name)
    const found = new Set<Customer>()
    for (const k of [...folded.split(" "), "#" + folded.replace(/ /g, ""), "=" + folded]) for (const c of this.byNameWord.get(k) ?? []) found.add(c)
    return [...found]
  }

  /**
   * The customer of the same group (a contact's mail domain in common) whose own address the goods are delivered to,
   * when it is not `customer`'s: the director of the Lyon hotel ordering "pour Annecy, livrer Annecy" orders for Annecy.
   */
  sameGroupAt(customer: Customer, address: string): Customer | null {
    const at = (c: Customer): boolean => c.addresses.some((a) => a.line !== "" && a.postalCode !== "" && foldText(address).includes(foldText(a.line)) && address.includes(a.postalCode))
    if (at(customer)) return null
    const domains = new Set(customer.contacts.flatMap((k) => k.emails.map((e) => e.split("@")[1] ?? "")).filter((d) => d !== "" && !isPublicDomain(d)))
    const others = [...domains].flatMap((d) => this.byDomain.get(d) ?? []).filter((c, i, all) => c !== customer && all.indexOf(c) === i && at(c))
    return others.length === 1 ? others[0]! : null
  }

  isCustomerCode(token: string): boolean {
    return this.byCode.has(compactCode(token))
  }

  codes(): Set<string> {
    return new Set(this.byCode.keys())
  }

  /**
   * The customer, by the first rule that names exactly one: a sender's address, its domain, the company or a
   * contact's name in the signature or the text, a customer code written in the mail, an order number shaped
   * like the ones this customer writes.
   */
  match(input: { senders: readonly { address: string | null; name: string }[]; signatureText: string; text: string; poNumber: string | null }): CustomerHit | null {
    for (const s of input.senders) {
      if (s.address === null) continue
      const c = this.byEmail.get(s.address)
      if (c !== undefined) return { customer: c, confidence: 0.98, via: "email", evidence: s.address }
    }
    let domainPool: Customer[] | null = null
    for (const s of input.senders) {
      const d = s.address?.split("@")[1]
      if (d === undefined || PUBLIC_DOMAINS.has(d)) continue
      const pool = this.byDomain.get(d)
      if (pool?.length === 1) return { customer: pool[0]!, confidence: 0.9, via: "domain", evidence: s.address! }
      if (pool !== undefined && pool.length > 1) {
        domainPool = pool
        break
      }
    }
    const inPool = (c: Customer): boolean => domainPool === null || domainPool.includes(c)
    for (const source of [input.signatureText, input.text]) {
      const folded = " " + foldText(source) + " "
      // A company's name is in the text only if its first word is: look only at the names starting with a word
      // of the text (longest first, as in the full list).
      // Its second word must be a word of the text too: a cheap test first, as the large base's first words ("garage",
      // "transports") head hundreds of names each and the text is long.
      const words = new Set(folded.split(" "))
      const found = [...words]
        .flatMap((w) => this.companiesByFirstWord.get(w) ?? [])
        .filter(({ key, second, customer }) => (second === null || words.has(second)) && inPool(customer) && folded.includes(" " + key + " "))
        .sort((a, b) => b.key.length - a.key.length)
      const ids = new Set(found.map((f) => f.customer.id))
      if (ids.size === 1) return { customer: found[0]!.customer, confidence: source === input.signatureText ? 0.8 : 0.72, via: "name", evidence: found[0]!.customer.company }
    }
    // A phone number of the signature that is one contact's: "Tél. 04 78 42 11 90" under a personal mailbox.
    if (this.byPhone.size > 0 && input.signatureText.trim() !== "") {
      const [first, ...others] = this.countries.length > 0 ? this.countries : (["FR"] as CountryCode[])
      const owners = new Map<Customer, string>()
      for (const p of findPhones(input.signatureText, first!, { otherCountries: others })) for (const c of this.byPhone.get(p.e164) ?? []) if (inPool(c)) owners.set(c, p.raw)
      if (owners.size === 1) {
        const [c, raw] = [...owners][0]!
        return { customer: c, confidence: 0.8, via: "phone", evidence: raw }
      }
    }
    for (const s of input.senders) {
      // "Léa Mathieu (via Google Docs)", "Sam Doe via Slack": a service sending for a person names the person.
      const name = s.name.replace(/\s*\(?\bvia\s+[^()]{2,40}\)?\s*$/i, "")
      if (name.trim() === "") continue
      const hit = strictNameMatch(name, this.nameCandidates(name).filter(inPool))
      if (hit !== null) {
        const c = this.byById.get(hit.id)!
        return { customer: c, confidence: hit.typo ? 0.65 : 0.75, via: "name", evidence: s.name }
      }
    }
    const codeRe = /\b(?:code client|n° client|num[ée]ro client|compte client|client n°|customer (?:code|no\.?|number|account)|account (?:no\.?|number|code)|votre client|client)\s*:?\s*(?:n°\s*)?([A-Z0-9][A-Z0-9-]{2,})/gi
    for (const m of `${input.text}\n${input.signatureText}`.matchAll(codeRe)) {
      const c = this.byCode.get(compactCode(m[1]!))
      if (c !== undefined && inPool(c)) return { customer: c, confidence: 0.85, via: "code", evidence: m[0] }
    }
    if (input.poNumber !== null) {
      for (const c of this.customers) {
        const prefix = this.memory[c.code]?.poPrefix
        if (prefix && input.poNumber.toLowerCase().startsWith(prefix.toLowerCase()) && inPool(c)) return { customer: c, confidence: 0.6, via: "po-prefix", evidence: input.poNumber }
      }
    }
    if (domainPool !== null) return { customer: domainPool[0]!, confidence: 0.4, via: "domain", evidence: input.senders.find((s) => s.address !== null)?.address ?? "" }
    return null
  }
}

/**
 * The sender says the order is not their firm's ("cette commande n'a rien à voir avec les Laboratoires Carré",
 * "merci de ne pas la mettre sur le compte du labo", "this is a personal order, not for the company account"): the
 * sender's account is not the buyer. Folded text in.
 */
const NOT_THEIR_ACCOUNT =
  /\b(?:(?:cette |la |notre |ma )?commande n a rien a voir avec|(?:ne pas|surtout pas|pas) (?:la |le |les )?(?:mettre|passer|facturer) (?:sur|au nom d[eu]|a) (?:le |la |notre |mon |l )?(?:compte|nom|societe|entreprise|labo\w*)|(?:has|have) nothing to do with (?:my|our) (?:employer|company|firm|work)|not (?:on|for|to) (?:the |our |my )?(?:company|firm|work|business|office)(?: s)? account|(?:don t|do not|please don t) (?:put|charge|bill) (?:it|this|them) (?:on|to) (?:the |our |my )?(?:company|firm|work|business|office)(?: s)? account|(?:this is )?a (?:personal|private) order)\b/

export function notTheirAccount(folded: string): boolean {
  return NOT_THEIR_ACCOUNT.test(folded)
}

/**
 * Who recommended us ("Emily Lockwood (Lockwood Interiors, one of our sponsors) recommended you", "c'est le garage
 * Martin qui nous a conseillé votre maison"): a customer named as the referrer is not the buyer. The text without
 * those sentences.
 */
const REFERRER = /\b(?:recommended (?:you|us|your (?:company|firm|shop))|referred (?:us|me)|gave (?:us|me) your (?:name|details|address|number)|on the recommendation of|(?:vous )?a recommande|(?:nous|m) a (?:recommande|conseille|parle de vous|donne vos coordonnees)|sur (?:les )?conseils? d[eu]|de la part d[eu])\b/

export function withoutReferrers(text: string): string {
  return text
    .split(/(?<=[.!?])\s+|\n/)
    .filter((s) => !REFERRER.test(foldText(s)))
    .join("\n")
}
