import { readdirSync } from "node:fs"
import { join } from "node:path"

import { describe, expect, it } from "vitest"

import { catalogUnits, customerCodes, ORDERS_FIXTURES, PARTS, part, products } from "./orders-corpus-parts"

/**
 * The labels of the order-mail corpus (issue #11), checked against the catalog and customer files they refer to.
 * Nothing here runs the extractor: the held-out parts stay measured by the bench only, so no test result is
 * ever tuned on them. A label naming a product or customer that does not exist would silently cost a point.
 */

describe.each(PARTS)("the labels of the %s part of the order-mail corpus", (set) => {
  const mails = part(set)

  it("give every mail its expected result, and every expected result its mail", () => {
    const labels = readdirSync(join(ORDERS_FIXTURES, set)).filter((f) => f.endsWith(".expected.json"))
    expect(labels.map((f) => f.replace(/\.expected\.json$/, "")).sort()).toEqual(mails.map((m) => m.name))
  })

  it("name only customers of customers.csv, products of products.csv, the catalog's units and real dates", () => {
    for (const { name, expected } of mails) {
      if (expected.customer_code !== null) expect(customerCodes, name).toContain(expected.customer_code)
      if (expected.delivery_date !== null) expect(new Date(`${expected.delivery_date}T00:00:00Z`).toISOString().slice(0, 10), name).toBe(expected.delivery_date)
      for (const l of expected.lines) {
        expect(products.has(l.ref), `${name}: ${l.ref}`).toBe(true)
        expect(catalogUnits, `${name}: ${l.ref}`).toContain(l.unit)
        expect(Number.isInteger(l.quantity) && l.quantity > 0, `${name}: ${l.ref} × ${l.quantity}`).toBe(true)
      }
    }
  })

  it("leave a mail that is not an order without lines, order number, date or address", () => {
    for (const { name, expected } of mails.filter((m) => !m.expected.is_order)) {
      expect({ name, lines: expected.lines, po: expected.po_number, date: expected.delivery_date, address: expected.delivery_address }).toEqual({ name, lines: [], po: null, date: null, address: null })
    }
  })
})

describe("the former second held-out part (h2-* in tuned/), written blind after the extractor and now tuning material", () => {
  const mails = part("tuned").filter((m) => m.name.startsWith("h2-"))

  it("holds 30 mails, about 60 % French and 40 % English, 7 of them not orders, 2 with a PDF purchase order", () => {
    expect(mails).toHaveLength(30)
    expect(mails.filter((m) => /^h2-\d\d-fr-/.test(m.name))).toHaveLength(18)
    expect(mails.filter((m) => /^h2-\d\d-en-/.test(m.name))).toHaveLength(12)
    expect(mails.filter((m) => !m.expected.is_order)).toHaveLength(7)
    expect(mails.filter((m) => m.expected.is_order && /Content-Type: application\/pdf/.test(m.eml)).map((m) => m.name)).toEqual(["h2-08-fr-rousseau-bc-pdf", "h2-15-en-hargreaves-po-pdf"])
  })
})

describe("the former third held-out part (h3-* in tuned/), written blind after the extractor and now tuning material", () => {
  const mails = part("tuned").filter((m) => m.name.startsWith("h3-"))
  const withAttachment = (mime: RegExp) => mails.filter((m) => mime.test(m.eml)).map((m) => m.name)

  it("holds 36 mails, 20 French and 16 English, 12 of them not orders", () => {
    expect(mails).toHaveLength(36)
    expect(mails.filter((m) => /^h3-\d\d-fr-/.test(m.name))).toHaveLength(20)
    expect(mails.filter((m) => /^h3-\d\d-en-/.test(m.name))).toHaveLength(16)
    expect(mails.filter((m) => !m.expected.is_order)).toHaveLength(12)
  })

  it("labels as not an order exactly the mails named so", () => {
    for (const { name, expected } of mails) expect(expected.is_order, name).toBe(!/^h3-\d\d-[a-z]{2}-non-/.test(name))
  })

  it("attaches three PDF purchase orders, one PDF request for prices, one .ods and one .xlsx order", () => {
    expect(withAttachment(/Content-Type: application\/pdf/)).toEqual(["h3-03-fr-girard-bc-pdf-saint-jory", "h3-09-fr-mairie-bc-signe-pdf", "h3-14-fr-non-carre-demande-de-prix-pdf", "h3-22-en-kingsley-po-pdf-us-dates"])
    expect(withAttachment(/Content-Type: application\/vnd\.oasis\.opendocument\.spreadsheet/)).toEqual(["h3-04-fr-hebert-ods-coffrets"])
    expect(withAttachment(/Content-Type: application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/)).toEqual(["h3-27-en-pemberton-xlsx-see-attached"])
  })

  it("dates every mail and every delivery in late 2026", () => {
    for (const { name, eml, expected } of mails) {
      const sent = new Date(/^Date: (.+)$/m.exec(eml)![1]!)
      expect(sent.getUTCFullYear() === 2026 && sent.getUTCMonth() >= 9, `${name}: ${sent.toISOString()}`).toBe(true)
      if (expected.delivery_date !== null) expect(new Date(`${expected.delivery_date}T23:59:59Z`) >= sent, `${name}: delivery before the mail`).toBe(true)
    }
  })
})

describe("the former fourth held-out part (h4-* in tuned/), written blind after the extractor and now tuning material", () => {
  const mails = part("tuned").filter((m) => m.name.startsWith("h4-"))
  const withAttachment = (mime: RegExp) => mails.filter((m) => mime.test(m.eml)).map((m) => m.name)

  it("holds 38 mails, 20 French and 18 English, 13 of them not orders", () => {
    expect(mails).toHaveLength(38)
    expect(mails.filter((m) => /^h4-\d\d-fr-/.test(m.name))).toHaveLength(20)
    expect(mails.filter((m) => /^h4-\d\d-en-/.test(m.name))).toHaveLength(18)
    expect(mails.filter((m) => !m.expected.is_order)).toHaveLength(13)
  })

  it("labels as not an order exactly the mails named so", () => {
    for (const { name, expected } of mails) expect(expected.is_order, name).toBe(!/^h4-\d\d-[a-z]{2}-non-/.test(name))
  })

  it("attaches three PDF purchase orders, one .ods and one .xlsx order", () => {
    expect(withAttachment(/Content-Type: application\/pdf/)).toEqual(["h4-09-fr-rousseau-pdf-atelier-faconnage", "h4-10-fr-carre-pdf-plateforme-thise", "h4-23-en-sinclair-pdf-glasgow"])
    expect(withAttachment(/Content-Type: application\/vnd\.oasis\.opendocument\.spreadsheet/)).toEqual(["h4-11-fr-mercier-ods-am-178"])
    expect(withAttachment(/Content-Type: application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/)).toEqual(["h4-22-en-whitfield-xlsx-cross-dock"])
  })

  it("dates every mail and every delivery in late 2026, no delivery before its mail", () => {
    for (const { name, eml, expected } of mails) {
      const sent = new Date(/^Date: (.+)$/m.exec(eml)![1]!)
      expect(sent.getUTCFullYear() === 2026 && sent.getUTCMonth() >= 9, `${name}: ${sent.toISOString()}`).toBe(true)
      if (expected.delivery_date !== null) expect(new Date(`${expected.delivery_date}T23:59:59Z`) >= sent, `${name}: delivery before the mail`).toBe(true)
    }
  })
})

describe("the former fifth held-out part (h5-* in tuned/), written blind after the extractor and now tuning material", () => {
  const mails = part("tuned").filter((m) => m.name.startsWith("h5-"))
  const withAttachment = (mime: RegExp) => mails.filter((m) => mime.test(m.eml)).map((m) => m.name)

  it("holds 44 mails, 22 French and 22 English, 14 of them not orders", () => {
    expect(mails).toHaveLength(44)
    expect(mails.filter((m) => /^h5-\d\d-fr-/.test(m.name))).toHaveLength(22)
    expect(mails.filter((m) => /^h5-\d\d-en-/.test(m.name))).toHaveLength(22)
    expect(mails.filter((m) => !m.expected.is_order)).toHaveLength(14)
  })

  it("labels as not an order exactly the mails named so", () => {
    for (const { name, expected } of mails) expect(expected.is_order, name).toBe(!/^h5-\d\d-[a-z]{2}-non-/.test(name))
  })

  it("attaches two PDF purchase orders, two .csv orders (one windows-1252 with semicolons) and one .xlsx", () => {
    expect(withAttachment(/Content-Type: application\/pdf/)).toEqual(["h5-07-fr-hebert-pdf-chai", "h5-31-en-sinclair-pdf-po"])
    expect(withAttachment(/Content-Type: text\/csv/)).toEqual(["h5-09-fr-ogec-csv-avant-vacances", "h5-35-en-whitfield-csv-week-commencing"])
    expect(withAttachment(/Content-Type: text\/csv; charset="windows-1252"/)).toEqual(["h5-09-fr-ogec-csv-avant-vacances"])
    expect(withAttachment(/Content-Type: application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/)).toEqual(["h5-28-en-lockwood-xlsx-pike-street"])
  })

  it("dates every mail in late 2026 and no delivery before its mail", () => {
    for (const { name, eml, expected } of mails) {
      const sent = new Date(/^Date: (.+)$/m.exec(eml)![1]!)
      expect(sent.getUTCFullYear() === 2026 && sent.getUTCMonth() >= 9, `${name}: ${sent.toISOString()}`).toBe(true)
      if (expected.delivery_date !== null) expect(new Date(`${expected.delivery_date}T23:59:59Z`) >= sent, `${name}: delivery before the mail`).toBe(true)
    }
  })
})

describe("the sixth held-out part (held-out-6), written blind after the extractor", () => {
  const mails = part("held-out-6")
  const withAttachment = (mime: RegExp) => mails.filter((m) => mime.test(m.eml)).map((m) => m.name)

  it("holds 44 mails, 22 French and 22 English, 14 of them not orders", () => {
    expect(mails).toHaveLength(44)
    expect(mails.filter((m) => /^h6-\d\d-fr-/.test(m.name))).toHaveLength(22)
    expect(mails.filter((m) => /^h6-\d\d-en-/.test(m.name))).toHaveLength(22)
    expect(mails.filter((m) => !m.expected.is_order)).toHaveLength(14)
  })

  it("labels as not an order exactly the mails named so", () => {
    for (const { name, expected } of mails) expect(expected.is_order, name).toBe(!/^h6-\d\d-[a-z]{2}-non-/.test(name))
  })

  it("attaches two PDF purchase orders, two .csv orders (one windows-1252 with semicolons) and two .xlsx", () => {
    expect(withAttachment(/Content-Type: application\/pdf/)).toEqual(["h6-06-fr-mercier-pdf-sage", "h6-27-en-kingsley-pdf-po-ship-to"])
    expect(withAttachment(/Content-Type: text\/csv/)).toEqual(["h6-07-fr-ogec-csv-avant-vacances-noel", "h6-26-en-pemberton-csv-tuesday-week"])
    expect(withAttachment(/Content-Type: text\/csv; charset="windows-1252"/)).toEqual(["h6-07-fr-ogec-csv-avant-vacances-noel"])
    expect(withAttachment(/Content-Type: application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/)).toEqual(["h6-11-fr-girard-masson-xlsx-fenouillet", "h6-28-en-lockwood-xlsx-break-room"])
  })

  it("dates every mail in late 2026 and no delivery before its mail", () => {
    for (const { name, eml, expected } of mails) {
      const sent = new Date(/^Date: (.+)$/m.exec(eml)![1]!)
      expect(sent.getUTCFullYear() === 2026 && sent.getUTCMonth() >= 9, `${name}: ${sent.toISOString()}`).toBe(true)
      if (expected.delivery_date !== null) expect(new Date(`${expected.delivery_date}T23:59:59Z`) >= sent, `${name}: delivery before the mail`).toBe(true)
    }
  })
})

describe("the former seventh held-out part (h7-* in tuned/), written blind after the extractor and now tuning material", () => {
  const mails = part("tuned").filter((m) => m.name.startsWith("h7-"))
  const withAttachment = (mime: RegExp) => mails.filter((m) => mime.test(m.eml)).map((m) => m.name)

  it("holds 44 mails, 22 French and 22 English, 14 of them not orders", () => {
    expect(mails).toHaveLength(44)
    expect(mails.filter((m) => /^h7-\d\d-fr-/.test(m.name))).toHaveLength(22)
    expect(mails.filter((m) => /^h7-\d\d-en-/.test(m.name))).toHaveLength(22)
    expect(mails.filter((m) => !m.expected.is_order)).toHaveLength(14)
  })

  it("labels as not an order exactly the mails named so", () => {
    for (const { name, expected } of mails) expect(expected.is_order, name).toBe(!/^h7-\d\d-[a-z]{2}-non-/.test(name))
  })

  it("attaches three PDF purchase orders and a supplier's PDF invoice, one .ods and one .xlsx order", () => {
    expect(withAttachment(/Content-Type: application\/pdf/)).toEqual(["h7-05-fr-mercier-pdf-commande-fournisseur-semaine-50", "h7-14-fr-girard-pdf-et-ajout-dans-le-corps", "h7-19-fr-non-facture-torrefacteur-pdf", "h7-30-en-radcliffe-pdf-po-qty-first"])
    expect(withAttachment(/Content-Type: application\/vnd\.oasis\.opendocument\.spreadsheet/)).toEqual(["h7-07-fr-ogec-ods-semaine-12"])
    expect(withAttachment(/Content-Type: application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/)).toEqual(["h7-34-en-whitfield-xlsx-notes-column"])
  })

  it("dates every mail in late 2026 and no delivery before its mail", () => {
    for (const { name, eml, expected } of mails) {
      const sent = new Date(/^Date: (.+)$/m.exec(eml)![1]!)
      expect(sent.getUTCFullYear() === 2026 && sent.getUTCMonth() >= 9, `${name}: ${sent.toISOString()}`).toBe(true)
      if (expected.delivery_date !== null) expect(new Date(`${expected.delivery_date}T23:59:59Z`) >= sent, `${name}: delivery before the mail`).toBe(true)
    }
  })
})

describe("the former eighth held-out part (h8-* in tuned/), written blind after the extractor by a fifth author and now tuning material", () => {
  const mails = part("tuned").filter((m) => m.name.startsWith("h8-"))
  const withAttachment = (mime: RegExp) => mails.filter((m) => mime.test(m.eml)).map((m) => m.name)

  it("holds 44 mails, 22 French and 22 English, 14 of them not orders", () => {
    expect(mails).toHaveLength(44)
    expect(mails.filter((m) => /^h8-\d\d-fr-/.test(m.name))).toHaveLength(22)
    expect(mails.filter((m) => /^h8-\d\d-en-/.test(m.name))).toHaveLength(22)
    expect(mails.filter((m) => !m.expected.is_order)).toHaveLength(14)
  })

  it("labels as not an order exactly the mails named so", () => {
    for (const { name, expected } of mails) expect(expected.is_order, name).toBe(!/^h8-\d\d-[a-z]{2}-non-/.test(name))
  })

  it("attaches two PDF purchase orders, a .csv with quoted fields, two .ods and one .xlsx order", () => {
    expect(withAttachment(/Content-Type: application\/pdf/)).toEqual(["h8-13-fr-carre-pdf-reference-interne", "h8-33-en-hargreaves-accounts-pdf-sage200"])
    expect(withAttachment(/Content-Type: text\/csv/)).toEqual(["h8-27-en-kingsley-csv-quoted-thousands"])
    expect(withAttachment(/Content-Type: application\/vnd\.oasis\.opendocument\.spreadsheet/)).toEqual(["h8-14-fr-ogec-ods-ecole-college-total", "h8-28-en-lockwood-ods-pack-sizes"])
    expect(withAttachment(/Content-Type: application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/)).toEqual(["h8-15-fr-dumont-xlsx-moins-une-ligne"])
  })

  it("dates every mail in late 2026 and no delivery before its mail", () => {
    for (const { name, eml, expected } of mails) {
      const sent = new Date(/^Date: (.+)$/m.exec(eml)![1]!)
      expect(sent.getUTCFullYear() === 2026 && sent.getUTCMonth() >= 9, `${name}: ${sent.toISOString()}`).toBe(true)
      if (expected.delivery_date !== null) expect(new Date(`${expected.delivery_date}T23:59:59Z`) >= sent, `${name}: delivery before the mail`).toBe(true)
    }
  })
})

describe("the former ninth held-out part (h9-* in tuned/), written blind after the extractor by a sixth author and now tuning material", () => {
  const mails = part("tuned").filter((m) => m.name.startsWith("h9-"))
  const withAttachment = (mime: RegExp) => mails.filter((m) => mime.test(m.eml)).map((m) => m.name)

  it("holds 44 mails, 22 French and 22 English, 14 of them not orders", () => {
    expect(mails).toHaveLength(44)
    expect(mails.filter((m) => /^h9-\d\d-fr-/.test(m.name))).toHaveLength(22)
    expect(mails.filter((m) => /^h9-\d\d-en-/.test(m.name))).toHaveLength(22)
    expect(mails.filter((m) => !m.expected.is_order)).toHaveLength(14)
  })

  it("labels as not an order exactly the mails named so", () => {
    for (const { name, expected } of mails) expect(expected.is_order, name).toBe(!/^h9-\d\d-[a-z]{2}-non-/.test(name))
  })

  it("attaches a PDF letter and a printed web basket, a Google Sheets .csv, an .ods and an .xlsx order", () => {
    expect(withAttachment(/Content-Type: application\/pdf/)).toEqual(["h9-03-fr-rousseau-lettre-pdf-vref-nref", "h9-28-en-sinclair-pdf-printed-basket"])
    expect(withAttachment(/Content-Type: text\/csv/)).toEqual(["h9-26-en-kingsley-csv-google-sheets"])
    expect(withAttachment(/Content-Type: application\/vnd\.oasis\.opendocument\.spreadsheet/)).toEqual(["h9-25-en-pemberton-ods-approved-column"])
    expect(withAttachment(/Content-Type: application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/)).toEqual(["h9-08-fr-ogec-xlsx-notre-bon-rempli"])
  })

  it("dates every mail in late 2026 and no delivery before its mail", () => {
    for (const { name, eml, expected } of mails) {
      const sent = new Date(/^Date: (.+)$/m.exec(eml)![1]!)
      expect(sent.getUTCFullYear() === 2026 && sent.getUTCMonth() >= 9, `${name}: ${sent.toISOString()}`).toBe(true)
      if (expected.delivery_date !== null) expect(new Date(`${expected.delivery_date}T23:59:59Z`) >= sent, `${name}: delivery before the mail`).toBe(true)
    }
  })
})

describe("the former tenth held-out part (h10-* in tuned/), written blind after the extractor by a seventh author and now tuning material", () => {
  const mails = part("tuned").filter((m) => m.name.startsWith("h10-"))
  const withAttachment = (mime: RegExp) => mails.filter((m) => mime.test(m.eml)).map((m) => m.name)

  it("holds 44 mails, 22 French and 22 English, 14 of them not orders", () => {
    expect(mails).toHaveLength(44)
    expect(mails.filter((m) => /^h10-\d\d-fr-/.test(m.name))).toHaveLength(22)
    expect(mails.filter((m) => /^h10-\d\d-en-/.test(m.name))).toHaveLength(22)
    expect(mails.filter((m) => !m.expected.is_order)).toHaveLength(14)
  })

  it("labels as not an order exactly the mails named so", () => {
    for (const { name, expected } of mails) expect(expected.is_order, name).toBe(!/^h10-\d\d-[a-z]{2}-non-/.test(name))
  })

  it("attaches a school's PDF order and a PDF cancellation notice, a Procurify .csv, an .ods and an .xlsx order", () => {
    expect(withAttachment(/Content-Type: application\/pdf/)).toEqual(["h10-03-fr-ogec-pdf-visa-chef-etablissement-rentree", "h10-16-fr-non-ehpad-avis-annulation-pdf-doublon"])
    expect(withAttachment(/Content-Type: text\/csv/)).toEqual(["h10-30-en-kingsley-procurify-csv-export"])
    expect(withAttachment(/Content-Type: application\/vnd\.oasis\.opendocument\.spreadsheet/)).toEqual(["h10-02-fr-mairie-ods-marche-de-noel-salle-polyvalente"])
    expect(withAttachment(/Content-Type: application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/)).toEqual(["h10-04-fr-ehpad-xlsx-marche-mapa-lot-2"])
  })

  it("dates every mail in late 2026 and no delivery before its mail", () => {
    for (const { name, eml, expected } of mails) {
      const sent = new Date(/^Date: (.+)$/m.exec(eml)![1]!)
      expect(sent.getUTCFullYear() === 2026 && sent.getUTCMonth() >= 9, `${name}: ${sent.toISOString()}`).toBe(true)
      if (expected.delivery_date !== null) expect(new Date(`${expected.delivery_date}T23:59:59Z`) >= sent, `${name}: delivery before the mail`).toBe(true)
    }
  })
})

describe("the former eleventh held-out part (h11-* in tuned/), written blind after the extractor by an eighth author and now tuning material", () => {
  const mails = part("tuned").filter((m) => m.name.startsWith("h11-"))

  it("holds 44 mails, 22 French and 22 English, 14 of them not orders", () => {
    expect(mails).toHaveLength(44)
    expect(mails.filter((m) => /^h11-\d\d-fr-/.test(m.name))).toHaveLength(22)
    expect(mails.filter((m) => /^h11-\d\d-en-/.test(m.name))).toHaveLength(22)
    expect(mails.filter((m) => !m.expected.is_order)).toHaveLength(14)
  })

  it("labels as not an order exactly the mails named so", () => {
    for (const { name, expected } of mails) expect(expected.is_order, name).toBe(!/^h11-\d\d-[a-z]{2}-non-/.test(name))
  })

  it("attaches nothing: every order is in the body, as typed, pasted or quoted", () => {
    expect(mails.filter((m) => /Content-Disposition: attachment/.test(m.eml)).map((m) => m.name)).toEqual([])
  })

  it("dates every mail in late 2026 and no delivery before its mail", () => {
    for (const { name, eml, expected } of mails) {
      const sent = new Date(/^Date: (.+)$/m.exec(eml)![1]!)
      expect(sent.getUTCFullYear() === 2026 && sent.getUTCMonth() >= 9, `${name}: ${sent.toISOString()}`).toBe(true)
      if (expected.delivery_date !== null) expect(new Date(`${expected.delivery_date}T23:59:59Z`) >= sent, `${name}: delivery before the mail`).toBe(true)
    }
  })
})

describe("the former twelfth held-out part (h12-* in tuned/), written blind after the extractor by a ninth author and now tuning material", () => {
  const mails = part("tuned").filter((m) => m.name.startsWith("h12-"))
  const withAttachment = (mime: RegExp) => mails.filter((m) => mime.test(m.eml)).map((m) => m.name)

  it("holds 44 mails, 22 French and 22 English, 14 of them not orders", () => {
    expect(mails).toHaveLength(44)
    expect(mails.filter((m) => /^h12-\d\d-fr-/.test(m.name))).toHaveLength(22)
    expect(mails.filter((m) => /^h12-\d\d-en-/.test(m.name))).toHaveLength(22)
    expect(mails.filter((m) => !m.expected.is_order)).toHaveLength(14)
  })

  it("labels as not an order exactly the mails named so", () => {
    for (const { name, expected } of mails) expect(expected.is_order, name).toBe(!/^h12-\d\d-[a-z]{2}-non-/.test(name))
  })

  it("attaches two PDF purchase orders, two .csv (one windows-1252 with semicolons), an .ods and two .xlsx", () => {
    expect(withAttachment(/Content-Type: application\/pdf/)).toEqual(["h12-04-fr-ehpad-bon-commande-administratif-pdf-chorus", "h12-24-en-spanish-assistant-pdf-po-us-dates-ship-to"])
    expect(withAttachment(/Content-Type: text\/csv/)).toEqual(["h12-22-fr-stagiaire-erasmus-hotel-lyon-csv-logiciel-stock", "h12-35-en-nhs-trust-eprocurement-csv-no-po-no-pay"])
    expect(withAttachment(/Content-Type: text\/csv; charset="windows-1252"/)).toEqual(["h12-22-fr-stagiaire-erasmus-hotel-lyon-csv-logiciel-stock"])
    expect(withAttachment(/Content-Type: application\/vnd\.oasis\.opendocument\.spreadsheet/)).toEqual(["h12-11-fr-portugaise-creche-ods-semaine-50"])
    expect(withAttachment(/Content-Type: application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/)).toEqual(["h12-15-fr-hopital-xlsx-magasin-general-engagement", "h12-31-en-lithuanian-buyer-xlsx-two-deliveries"])
  })

  it("dates every mail in late 2026 and no delivery before its mail", () => {
    for (const { name, eml, expected } of mails) {
      const sent = new Date(/^Date: (.+)$/m.exec(eml)![1]!)
      expect(sent.getUTCFullYear() === 2026 && sent.getUTCMonth() >= 9, `${name}: ${sent.toISOString()}`).toBe(true)
      if (expected.delivery_date !== null) expect(new Date(`${expected.delivery_date}T23:59:59Z`) >= sent, `${name}: delivery before the mail`).toBe(true)
    }
  })
})

describe("the thirteenth held-out part (held-out-13), written blind after the extractor by a tenth author", () => {
  const mails = part("held-out-13")
  const withAttachment = (mime: RegExp) => mails.filter((m) => mime.test(m.eml)).map((m) => m.name)

  it("holds 44 mails, 22 French and 22 English, 14 of them not orders", () => {
    expect(mails).toHaveLength(44)
    expect(mails.filter((m) => /^h13-\d\d-fr-/.test(m.name))).toHaveLength(22)
    expect(mails.filter((m) => /^h13-\d\d-en-/.test(m.name))).toHaveLength(22)
    expect(mails.filter((m) => !m.expected.is_order)).toHaveLength(14)
  })

  it("labels as not an order exactly the mails named so", () => {
    for (const { name, expected } of mails) expect(expected.is_order, name).toBe(!/^h13-\d\d-[a-z]{2}-non-/.test(name))
  })

  it("attaches a trade-show order form, an Odoo PO and an Odoo request for prices in PDF, three .csv (one windows-1252 with semicolons, one a settlement report), an .ods and an .xlsx", () => {
    expect(withAttachment(/Content-Type: application\/pdf/)).toEqual(["h13-07-fr-commercial-bon-salon-pdf-hotel-lyon", "h13-15-fr-odoo-bon-de-commande-pdf-mercier", "h13-16-fr-non-odoo-demande-de-prix-pdf-mercier"])
    expect(withAttachment(/Content-Type: text\/csv/)).toEqual(["h13-19-fr-appli-prise-de-commande-terrain-csv-ogec", "h13-40-en-non-marketplace-settlement-report-csv", "h13-41-en-hargreaves-netsuite-po-csv"])
    expect(withAttachment(/Content-Type: text\/csv; charset="windows-1252"/)).toEqual(["h13-19-fr-appli-prise-de-commande-terrain-csv-ogec"])
    expect(withAttachment(/Content-Type: application\/vnd\.oasis\.opendocument\.spreadsheet/)).toEqual(["h13-44-en-rep-forwards-ods-new-account-cafe-totnes"])
    expect(withAttachment(/Content-Type: application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/)).toEqual(["h13-38-en-kingsley-approved-po-xlsx-after-punchout"])
  })

  it("dates every mail in late 2026 and no delivery before its mail", () => {
    for (const { name, eml, expected } of mails) {
      const sent = new Date(/^Date: (.+)$/m.exec(eml)![1]!)
      expect(sent.getUTCFullYear() === 2026 && sent.getUTCMonth() >= 9, `${name}: ${sent.toISOString()}`).toBe(true)
      if (expected.delivery_date !== null) expect(new Date(`${expected.delivery_date}T23:59:59Z`) >= sent, `${name}: delivery before the mail`).toBe(true)
    }
  })
})

describe("the former fourteenth held-out part (h14-* in tuned/), written blind after the extractor by an eleventh author and now tuning material", () => {
  const mails = part("tuned").filter((m) => m.name.startsWith("h14-"))
  const withAttachment = (mime: RegExp) => mails.filter((m) => mime.test(m.eml)).map((m) => m.name)

  it("holds 44 mails, 22 French and 22 English, 14 of them not orders", () => {
    expect(mails).toHaveLength(44)
    expect(mails.filter((m) => /^h14-\d\d-fr-/.test(m.name))).toHaveLength(22)
    expect(mails.filter((m) => /^h14-\d\d-en-/.test(m.name))).toHaveLength(22)
    expect(mails.filter((m) => !m.expected.is_order)).toHaveLength(14)
  })

  it("labels as not an order exactly the mails named so", () => {
    for (const { name, expected } of mails) expect(expected.is_order, name).toBe(!/^h14-\d\d-[a-z]{2}-non-/.test(name))
  })

  it("attaches a caterer's order form in PDF, a two-depot .csv and a three-shop .xlsx", () => {
    expect(withAttachment(/Content-Type: application\/pdf/)).toEqual(["h14-09-fr-traiteur-arbre-de-noel-pdf"])
    expect(withAttachment(/Content-Type: text\/csv/)).toEqual(["h14-28-en-logistics-two-depots-csv"])
    expect(withAttachment(/Content-Type: application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/)).toEqual(["h14-29-en-bakery-chain-three-shops-xlsx"])
  })

  it("dates every mail in late 2026 and no delivery before its mail", () => {
    for (const { name, eml, expected } of mails) {
      const sent = new Date(/^Date: (.+)$/m.exec(eml)![1]!)
      expect(sent.getUTCFullYear() === 2026 && sent.getUTCMonth() >= 9, `${name}: ${sent.toISOString()}`).toBe(true)
      if (expected.delivery_date !== null) expect(new Date(`${expected.delivery_date}T23:59:59Z`) >= sent, `${name}: delivery before the mail`).toBe(true)
    }
  })
})

describe("the former fifteenth held-out part (h15-* in tuned/), written blind after the extractor by a twelfth author and now tuning material", () => {
  const mails = part("tuned").filter((m) => m.name.startsWith("h15-"))
  const withAttachment = (mime: RegExp) => mails.filter((m) => mime.test(m.eml)).map((m) => m.name)

  it("holds 44 mails, 22 French and 22 English, 14 of them not orders", () => {
    expect(mails).toHaveLength(44)
    expect(mails.filter((m) => /^h15-\d\d-fr-/.test(m.name))).toHaveLength(22)
    expect(mails.filter((m) => /^h15-\d\d-en-/.test(m.name))).toHaveLength(22)
    expect(mails.filter((m) => !m.expected.is_order)).toHaveLength(14)
  })

  it("labels as not an order exactly the mails named so", () => {
    for (const { name, expected } of mails) expect(expected.is_order, name).toBe(!/^h15-\d\d-[a-z]{2}-non-/.test(name))
  })

  it("attaches four PDF purchase orders and a PDF price schedule, two .csv (one windows-1252), an .ods and an .xlsx", () => {
    expect(withAttachment(/Content-Type: application\/pdf/)).toEqual(["h15-01-fr-mairie-vergeze-bc-engagement-pdf", "h15-03-fr-ch-pharmacie-plateforme-pdf", "h15-16-en-hargreaves-p2p-po-pdf", "h15-27-en-nhs-trust-eproc-po-pdf", "h15-32-fr-non-ch-appel-offres-gants-500-boites"])
    expect(withAttachment(/Content-Type: text\/csv/)).toEqual(["h15-06-fr-girard-atelier-gmao-csv", "h15-25-en-whitfield-fleet-work-orders-csv"])
    expect(withAttachment(/Content-Type: application\/vnd\.oasis\.opendocument\.spreadsheet/)).toEqual(["h15-04-fr-ogec-intendance-ods"])
    expect(withAttachment(/Content-Type: application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/)).toEqual(["h15-08-fr-coop-val-de-sevre-xlsx"])
  })

  it("carries a tracking pixel in the HTML of two orders with long legal footers", () => {
    expect(mails.filter((m) => /<img src=3D"https:/.test(m.eml.replace(/=\r\n/g, ""))).map((m) => m.name)).toEqual(["h15-12-fr-hebert-html-pixel-mentions-legales", "h15-19-en-kingsley-html-pixel-legal-footer"])
  })

  it("dates every mail in late 2026 and no delivery before its mail", () => {
    for (const { name, eml, expected } of mails) {
      const sent = new Date(/^Date: (.+)$/m.exec(eml)![1]!)
      expect(sent.getUTCFullYear() === 2026 && sent.getUTCMonth() >= 9, `${name}: ${sent.toISOString()}`).toBe(true)
      if (expected.delivery_date !== null) expect(new Date(`${expected.delivery_date}T23:59:59Z`) >= sent, `${name}: delivery before the mail`).toBe(true)
    }
  })
})

describe("the former sixteenth held-out part (h16-* in tuned/), written blind after the extractor by a thirteenth author and now tuning material", () => {
  const mails = part("tuned").filter((m) => m.name.startsWith("h16-"))
  const withAttachment = (mime: RegExp) => mails.filter((m) => mime.test(m.eml)).map((m) => m.name)

  it("holds 44 mails, 22 French and 22 English, 14 of them not orders", () => {
    expect(mails).toHaveLength(44)
    expect(mails.filter((m) => /^h16-\d\d-fr-/.test(m.name))).toHaveLength(22)
    expect(mails.filter((m) => /^h16-\d\d-en-/.test(m.name))).toHaveLength(22)
    expect(mails.filter((m) => !m.expected.is_order)).toHaveLength(14)
  })

  it("labels as not an order exactly the mails named so", () => {
    for (const { name, expected } of mails) expect(expected.is_order, name).toBe(!/^h16-\d\d-[a-z]{2}-non-/.test(name))
  })

  it("attaches an association's Dolibarr PDF order, a students' union .csv PO, a theatre troupe's .ods and a food bank's .xlsx", () => {
    expect(withAttachment(/Content-Type: application\/pdf/)).toEqual(["h16-04-fr-epicerie-solidaire-dolibarr-pdf"])
    expect(withAttachment(/Content-Type: text\/csv/)).toEqual(["h16-28-en-students-association-society-csv"])
    expect(withAttachment(/Content-Type: application\/vnd\.oasis\.opendocument\.spreadsheet/)).toEqual(["h16-06-fr-troupe-theatre-ods-qui-achete-quoi"])
    expect(withAttachment(/Content-Type: application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/)).toEqual(["h16-26-en-food-bank-xlsx-volunteer-coordinator"])
  })

  it("dates every mail in late 2026 and no delivery before its mail", () => {
    for (const { name, eml, expected } of mails) {
      const sent = new Date(/^Date: (.+)$/m.exec(eml)![1]!)
      expect(sent.getUTCFullYear() === 2026 && sent.getUTCMonth() >= 9, `${name}: ${sent.toISOString()}`).toBe(true)
      if (expected.delivery_date !== null) expect(new Date(`${expected.delivery_date}T23:59:59Z`) >= sent, `${name}: delivery before the mail`).toBe(true)
    }
  })
})
