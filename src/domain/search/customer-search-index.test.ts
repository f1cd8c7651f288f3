import { describe, expect, it } from "vitest"

import { Customer, type CustomerInput } from "../customers/customer.schema"
import { generateCustomers } from "../demo/demo-data"
import { CustomerSearchIndex, foldText, type SearchHit } from "./customer-search-index"

let nextCode = 90_000

/** A valid customer with one contact and one address; everything not given gets a plain default. */
function customer(
  id: string,
  company: string,
  more: { city?: string; firstName?: string; lastName?: string; phones?: string[]; emails?: string[]; code?: string } = {}
): Customer {
  const input: CustomerInput = {
    id,
    code: more.code ?? `H-${nextCode++}`,
    company,
    country: "FR",
    language: "fr",
    addresses: [{ city: more.city ?? "Rennes", country: "FR" }],
    contacts: [
      {
        id: `${id}-contact`,
        firstName: more.firstName ?? "Yves",
        lastName: more.lastName ?? "Quellec",
        phones: more.phones ?? [],
        emails: more.emails ?? []
      }
    ],
    createdAt: 0,
    updatedAt: 0
  }
  return Customer.parse(input)
}

const handMade: Customer[] = [
  customer("h-elec", "Électricité Générale Mazoyer", {
    city: "Saint-Étienne",
    firstName: "Cécile",
    lastName: "Mazoyer",
    phones: ["+33612345678"],
    emails: ["cecile.mazoyer@elec-mazoyer.fr"],
    code: "C-90001"
  }),
  customer("h-boul", "Boulangerie Lefèvre & Fils", { city: "Lyon", phones: ["+33478123456"], emails: ["contact@boulangerie-lefevre.fr"], code: "C-90002" }),
  customer("h-choeur", "Chœur et Œuvre SARL"),
  customer("h-london", "Hargreaves Engineering Ltd", { city: "London", phones: ["+442079460000"], emails: ["orders@hargreaves.co.uk"], code: "UK-777" }),
  customer("h-zygo", "Quincaillerie Zygomatique"),
  customer("h-quark", "Brasserie Quark"),
  customer("h-pivot", "Tannerie Pivot", { city: "Nantes" }),
  customer("h-pivoteau", "Tannerie Pivoteau", { city: "Nantes" }),
  customer("h-pivet", "Tannerie Pivet", { city: "Quimperlé" }),
  customer("h-berthelot", "Maison Berthelot"),
  customer("h-central", "Garage Central", { firstName: "Paul", lastName: "Berthelot" }),
  customer("tie-b", "Atelier Jumeau"),
  customer("tie-a", "Atelier Jumeau"),
  customer("tie-long", "Atelier Jumeau et Fils"),
  customer("h-1789", "Salon Nautique 1789")
]

const demo = generateCustomers({ count: 3000, seed: 11 })

function freshIndex(): CustomerSearchIndex {
  return CustomerSearchIndex.build([...demo, ...handMade])
}

const index = freshIndex()
const ids = (hits: SearchHit[]): string[] => hits.map((h) => h.id)
const first = (query: string, on = index): string | undefined => on.search(query)[0]?.id

describe("foldText", () => {
  it("lowercases, strips accents and spells ligatures out", () => {
    expect(foldText("Électricité LEFÈVRE")).toBe("electricite lefevre")
    expect(foldText("Chœur & Æther")).toBe("choeur aether")
  })

  it("turns punctuation into single spaces", () => {
    expect(foldText("l'Église—Saint-Étienne, 42")).toBe("l eglise saint etienne 42")
    expect(foldText("   ")).toBe("")
  })
})

describe("CustomerSearchIndex", () => {
  it("holds every customer it was built from", () => {
    expect(index.size).toBe(demo.length + handMade.length)
  })

  it("returns nothing for an empty or blank query", () => {
    expect(index.search("")).toEqual([])
    expect(index.search("   \t ")).toEqual([])
    expect(index.search("-- ,; ")).toEqual([])
  })

  it("finds a company typed without its accents", () => {
    expect(first("electricite generale mazoyer")).toBe("h-elec")
    expect(first("choeur oeuvre")).toBe("h-choeur")
  })

  it("finds accented names for an unaccented query, and only customers carrying that name", () => {
    const hits = index.search("lefevre")
    expect(hits.length).toBe(10)
    const all = [...demo, ...handMade]
    for (const hit of hits) {
      const c = all.find((x) => x.id === hit.id)!
      const text = foldText([c.company, ...c.contacts.map((k) => `${k.firstName} ${k.lastName}`)].join(" "))
      expect(text).toContain("lefevre")
    }
  })

  it("tolerates one typo in a word of 4 letters or more, a transposition counting as one", () => {
    expect(first("mazoyre electricite")).toBe("h-elec")
    expect(first("mazoier electricite")).toBe("h-elec")
    expect(first("qaurk")).toBe("h-quark")
    expect(first("zygomatiqeu")).toBe("h-zygo")
  })

  it("tolerates two typos in a word of 8 letters or more, but not in a shorter one", () => {
    expect(first("zigomatiqe")).toBe("h-zygo")
    expect(ids(index.search("qaurc", 50))).not.toContain("h-quark")
  })

  it("takes the last word, and unfinished earlier words, as prefixes", () => {
    expect(first("electr mazo")).toBe("h-elec")
    expect(first("zygo")).toBe("h-zygo")
    expect(first("quinc zygom")).toBe("h-zygo")
  })

  it("ignores word order", () => {
    expect(first("mazoyer generale electricite")).toBe("h-elec")
    expect(first("engineering hargreaves london")).toBe("h-london")
  })

  it("finds a customer by city together with a company word", () => {
    expect(first("pivet quimperle")).toBe("h-pivet")
    expect(first("saint etienne mazoyer")).toBe("h-elec")
  })

  it("finds a phone by its national digits, however they are written", () => {
    expect(first("06 12 34 56 78")).toBe("h-elec")
    expect(first("06.12.34.56.78")).toBe("h-elec")
    expect(ids(index.search("06 12 34 56", 50))).toContain("h-elec")
    expect(first("020 7946 0000")).toBe("h-london")
  })

  it("finds a phone by its E.164 digits, with or without the plus", () => {
    expect(first("+33 6 12 34 56 78")).toBe("h-elec")
    expect(first("+33 (0)6 12 34 56 78")).toBe("h-elec")
    expect(ids(index.search("3361234567", 50))).toContain("h-elec")
    expect(first("0044 20 7946 0000")).toBe("h-london")
  })

  it("ranks a complete phone number above numbers it is only the start of", () => {
    const hits = index.search("06 12 34 56 78")
    expect(hits[0]).toEqual({ id: "h-elec", score: 3 })
  })

  it("reads a lone number as a phone and as a word of a name", () => {
    expect(ids(index.search("1789"))).toContain("h-1789")
  })

  it("finds an email by its beginning once the query has an @", () => {
    expect(first("cecile.mazoyer@")).toBe("h-elec")
    expect(first("Cecile.Mazoyer@elec")).toBe("h-elec")
    expect(first("orders@hargreaves.co.uk")).toBe("h-london")
    expect(index.search("nobody@nowhere.example")).toEqual([])
  })

  it("finds a customer code exactly, whatever its case and separators, and by prefix", () => {
    expect(index.search("C-90001")[0]).toEqual({ id: "h-elec", score: 3 })
    expect(first("c90001")).toBe("h-elec")
    expect(first("uk 777")).toBe("h-london")
    expect(ids(index.search("c-9000")).slice(0, 2).sort()).toEqual(["h-boul", "h-elec"])
  })

  it("ranks an exact word before a prefix, and a prefix before a typo", () => {
    const hits = ids(index.search("pivot", 20)).filter((id) => id.startsWith("h-piv"))
    expect(hits).toEqual(["h-pivot", "h-pivoteau", "h-pivet"])
  })

  it("ranks customers matching every query word above those matching some, even with a typo", () => {
    const hits = ids(index.search("pivot quimperle"))
    expect(hits[0]).toBe("h-pivet")
    expect(hits).toContain("h-pivot")
  })

  it("ranks a company-name match above a contact-name match", () => {
    const hits = ids(index.search("berthelot"))
    expect(hits.indexOf("h-berthelot")).toBeGreaterThanOrEqual(0)
    expect(hits.indexOf("h-berthelot")).toBeLessThan(hits.indexOf("h-central"))
  })

  it("breaks ties by the shorter company name, then by id, the same way every time", () => {
    const hits = ids(index.search("atelier jumeau"))
    expect(hits.slice(0, 3)).toEqual(["tie-a", "tie-b", "tie-long"])
    expect(index.search("atelier jumeau")).toEqual(index.search("atelier jumeau"))
  })

  it("returns at most `limit` hits, best first", () => {
    const hits = index.search("boulangerie", 3)
    expect(hits).toHaveLength(3)
    expect(hits[0]!.score).toBeGreaterThanOrEqual(hits[1]!.score)
    expect(hits[1]!.score).toBeGreaterThanOrEqual(hits[2]!.score)
    expect(index.search("boulangerie")).toHaveLength(10)
    expect(index.search("boulangerie", 0)).toEqual([])
  })

  it("finds demo customers by their exact company name", () => {
    for (const c of demo.slice(0, 300)) {
      expect(ids(index.search(c.company, 5)), c.company).toContain(c.id)
    }
  })

  it("finds demo customers by a contact's full name and a company word, with a typo in the name", () => {
    for (const c of demo.slice(300, 400)) {
      const contact = c.contacts[0]!
      const last = foldText(contact.lastName)
      const typo = last.length >= 4 ? last.slice(0, 1) + last.slice(2, 3) + last.slice(1, 2) + last.slice(3) : last
      const companyWord = c.company.split(" ").find((w) => w.length >= 4) ?? c.company
      const hits = ids(index.search(`${contact.firstName} ${typo} ${companyWord}`, 10))
      expect(hits, `${contact.firstName} ${typo} ${companyWord}`).toContain(c.id)
    }
  })

  it("survives a 500-character query of any kind", () => {
    const words = demo.slice(0, 100).map((c) => c.company).join(" ").slice(0, 500)
    for (const q of [words, "a".repeat(500), "0".repeat(500), "@".repeat(500), "é".repeat(500), "x y ".repeat(125)]) {
      const started = performance.now()
      const hits = index.search(q)
      expect(Array.isArray(hits)).toBe(true)
      expect(performance.now() - started).toBeLessThan(1000)
    }
  })

  describe("edits", () => {
    it("stops finding a removed customer, everywhere", () => {
      const local = freshIndex()
      local.remove("h-elec")
      expect(local.size).toBe(demo.length + handMade.length - 1)
      expect(ids(local.search("electricite mazoyer", 50))).not.toContain("h-elec")
      expect(ids(local.search("06 12 34 56 78"))).not.toContain("h-elec")
      expect(ids(local.search("cecile.mazoyer@"))).not.toContain("h-elec")
      expect(ids(local.search("C-90001"))).not.toContain("h-elec")
      local.remove("h-elec")
      local.remove("no-such-id")
      expect(local.size).toBe(demo.length + handMade.length - 1)
    })

    it("finds a customer upserted after the build, and its new name instead of the old one after an update", () => {
      const local = freshIndex()
      local.upsert(customer("h-new", "Verrerie Nouvelle Ondine", { phones: ["+33299001122"], emails: ["ondine@verrerie.fr"], code: "NEW-1" }))
      expect(first("verrerie ondine", local)).toBe("h-new")
      expect(first("02 99 00 11 22", local)).toBe("h-new")
      expect(first("ondine@", local)).toBe("h-new")
      expect(first("new-1", local)).toBe("h-new")

      local.upsert(customer("h-zygo", "Serrurerie Xylophage"))
      expect(local.size).toBe(demo.length + handMade.length + 1)
      expect(first("xylophage", local)).toBe("h-zygo")
      expect(ids(local.search("zygomatique", 50))).not.toContain("h-zygo")
    })

    it("keeps answering correctly once enough edits have made it compact itself", () => {
      const local = freshIndex()
      for (const c of demo.slice(0, 2500)) local.remove(c.id)
      for (let i = 0; i < 1500; i++) local.upsert(customer(`bulk-${i}`, `Cordonnerie Numéro ${i} Vasquez`, { code: `BULK-${i}` }))
      expect(local.size).toBe(demo.length - 2500 + handMade.length + 1500)
      expect(first("zygomatique", local)).toBe("h-zygo")
      expect(first("cordonnerie vasquez 1234", local)).toBe("bulk-1234")
      expect(first("bulk-777", local)).toBe("bulk-777")
      expect(first("06 12 34 56 78", local)).toBe("h-elec")
      expect(ids(local.search(demo[0]!.company, 50))).not.toContain(demo[0]!.id)
      const survivor = demo[2900]!
      expect(ids(local.search(survivor.company, 5))).toContain(survivor.id)
    })

    it("builds from an empty list and grows by upserts alone", () => {
      const local = CustomerSearchIndex.build([])
      expect(local.size).toBe(0)
      expect(local.search("anything")).toEqual([])
      for (const c of handMade) local.upsert(c)
      expect(local.size).toBe(handMade.length)
      expect(first("zygomatiqeu", local)).toBe("h-zygo")
      expect(first("c90001", local)).toBe("h-elec")
    })
  })
})
