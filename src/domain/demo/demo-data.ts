import { isValidPhoneNumber } from "libphonenumber-js"

import { lookupKeysOf, type Contact, type Customer, type Product } from "../customers/customer.schema"
import { digits, intBetween, pick, seededRandom } from "./random"

const FR_FIRST = ["Amélie", "Benoît", "Céline", "Chloé", "Clément", "Élodie", "Émile", "François", "Gaëlle", "Hélène", "Inès", "Jérôme", "Joël", "Léa", "Léon", "Maëlle", "Mathéo", "Noémie", "Océane", "Rémi", "Sébastien", "Stéphane", "Thérèse", "Valérie", "Zoé", "Aurélien", "Béatrice", "Camille", "Damien", "Estelle", "Frédéric", "Géraldine", "Hugo", "Isabelle", "Julien", "Karine", "Laurent", "Manon", "Nicolas", "Pascale", "Quentin", "Sandrine", "Thibault", "Vincent", "Yannick"]
const FR_LAST = ["Lefèvre", "Gauthier", "Bérard", "Mercier", "Durand", "Moreau", "Laurent", "Girard", "Rousseau", "Fontaine", "Chevalier", "Lemaître", "Barbier", "Mathieu", "Perrin", "Brunet", "Masson", "Dumont", "Aubert", "Guérin", "Boucher", "Rivière", "Lacroix", "Chauvin", "Hébert", "Pelletier", "Renaud", "Marchand", "Carré", "Leclerc", "Bonnet", "Faure", "André", "Roussel", "Noël", "Gérard", "Morel", "Benoît", "Lemoine", "Vidal", "Caron", "Picard", "Roger", "Dupuis", "Colin", "Besnard", "Ménard", "Tessier", "Prévost", "Josserand", "Delaunay", "Kerbrat", "Le Goff", "Pélissier", "Régnier", "Cléments", "Thévenet", "Vasseur", "Blanchard", "Deschamps", "Garnier", "Huet", "Jacquet", "Lebrun", "Maréchal", "Olivier", "Poirier", "Rolland", "Sauvage", "Tanguy", "Vallée", "Weber", "Arnaud", "Baudry", "Charpentier", "Dufour", "Étienne", "Ferrand", "Giraud", "Hamon", "Jourdan", "Langlois", "Millet", "Navarro", "Ollivier", "Paris", "Rey", "Schmitt", "Texier", "Vincent", "Bouvier", "Collet", "Delmas", "Évrard", "Fabre", "Grosjean", "Humbert", "Lecomte", "Maillard", "Périer"]
const FR_TRADE = ["Boulangerie", "Transports", "Menuiserie", "Ateliers", "Imprimerie", "Plomberie", "Quincaillerie", "Pharmacie", "Garage", "Fromagerie", "Électricité", "Carrosserie", "Brasserie", "Librairie", "Jardinerie", "Maçonnerie", "Tôlerie", "Ébénisterie", "Cave", "Clinique vétérinaire", "Cabinet", "Laboratoires", "Éditions", "Domaine", "Fonderie", "Serrurerie", "Chaudronnerie", "Vergers", "Pépinières", "Distillerie"]
const FR_FORM = ["SARL", "SAS", "SA", "EURL", "SASU", "& Fils", "et Associés", "Frères", ""]
const FR_CITIES: ReadonlyArray<readonly [string, string]> = [["Paris", "75011"], ["Lyon", "69003"], ["Marseille", "13008"], ["Toulouse", "31000"], ["Nantes", "44000"], ["Bordeaux", "33000"], ["Lille", "59000"], ["Rennes", "35000"], ["Grenoble", "38000"], ["Besançon", "25000"], ["Orléans", "45000"], ["Nîmes", "30000"], ["Saint-Étienne", "42000"], ["Aix-en-Provence", "13100"], ["Clermont-Ferrand", "63000"], ["Le Mans", "72000"], ["Angoulême", "16000"], ["Évreux", "27000"], ["Béziers", "34500"], ["Châlons-en-Champagne", "51000"], ["Quimper", "29000"], ["Valence", "26000"], ["Annecy", "74000"], ["Perpignan", "66000"]]
const FR_STREETS = ["rue de la République", "avenue Jean-Jaurès", "boulevard Gambetta", "rue Victor-Hugo", "place de l'Église", "chemin des Vignes", "rue du Général-de-Gaulle", "allée des Tilleuls", "quai de la Loire", "impasse des Lilas"]
/** Each French job title as a man and as a woman holds it (one draw either way: the same data for a seed). */
const FR_ROLES: ReadonlyArray<readonly [string, string]> = [
  ["Gérant", "Gérante"],
  ["Gérant", "Gérante"],
  ["Directeur des achats", "Directrice des achats"],
  ["Responsable achats", "Responsable achats"],
  ["Comptable", "Comptable"],
  ["Assistant de direction", "Assistante de direction"],
  ["Directeur commercial", "Directrice commerciale"],
  ["Chef d'atelier", "Cheffe d'atelier"],
  ["Responsable logistique", "Responsable logistique"],
  ["Président", "Présidente"]
]
/** The women among FR_FIRST (Camille taken as one here), who get the feminine title. */
const FR_WOMEN = new Set(["Amélie", "Céline", "Chloé", "Élodie", "Gaëlle", "Hélène", "Inès", "Léa", "Maëlle", "Noémie", "Océane", "Thérèse", "Valérie", "Zoé", "Béatrice", "Camille", "Estelle", "Géraldine", "Isabelle", "Karine", "Manon", "Pascale", "Sandrine"])

const EN_FIRST = ["Oliver", "Amelia", "Harry", "Isla", "George", "Ava", "Noah", "Emily", "Jack", "Sophie", "Charlie", "Grace", "Thomas", "Lily", "James", "Chloe", "William", "Ella", "Henry", "Freya", "Michael", "Sarah", "David", "Jessica", "Daniel", "Hannah", "Matthew", "Rachel", "Andrew", "Laura"]
const EN_LAST = ["Hargreaves", "Whitfield", "Thornton", "Ashworth", "Pemberton", "Fairbanks", "Galloway", "Holloway", "Kingsley", "Lockwood", "Marlowe", "Northcott", "Osborne", "Prescott", "Radcliffe", "Sinclair", "Thackeray", "Underwood", "Wainwright", "Yardley", "Bramwell", "Caldwell", "Dunmore", "Ellington", "Fenwick", "Greaves", "Hawthorne", "Ingram", "Jennings", "Kendrick", "Lancaster", "Mortimer", "Newbury", "Oakley", "Pickering", "Quayle", "Rutherford", "Sherwood", "Tennyson", "Vaughan", "Winslow", "Abbott", "Blackwood", "Crawford", "Davenport", "Eastwood", "Fletcher", "Gresham", "Harlow", "Irvine"]
const EN_TRADE = ["Engineering", "Logistics", "Foods", "Builders", "Supplies", "Printing", "Electrical", "Plumbing", "Joinery", "Motors", "Brewing", "Hardware", "Pharmacy", "Textiles", "Packaging", "Farms", "Instruments", "Systems", "Marine", "Interiors"]
/** Legal forms by country, drawn by the same index: Ltd, LLP and PLC are British; Inc., LLC and Corp. American. */
const EN_FORM: Readonly<Record<"GB" | "US", readonly string[]>> = {
  GB: ["Ltd", "Ltd", "LLP", "PLC", "& Sons", "Ltd", "Ltd", "Group"],
  US: ["Inc.", "Inc.", "LLC", "Corp.", "& Sons", "Inc.", "LLC", "Group"]
}
const UK_CITIES: ReadonlyArray<readonly [string, string]> = [["London", "EC1A 1BB"], ["Manchester", "M1 1AE"], ["Leeds", "LS1 4DY"], ["Bristol", "BS1 4DJ"], ["Edinburgh", "EH1 1YZ"], ["Birmingham", "B1 1BB"], ["Glasgow", "G1 1XQ"], ["Cardiff", "CF10 1EP"]]
const US_CITIES: ReadonlyArray<readonly [string, string, string]> = [["New York", "10001", "212"], ["Boston", "02108", "617"], ["Chicago", "60601", "312"], ["San Francisco", "94103", "415"], ["Seattle", "98101", "206"], ["Austin", "78701", "512"]]
const EN_ROLES = ["Purchasing Manager", "Managing Director", "Accounts Payable", "Office Manager", "Operations Director", "Buyer", "Finance Director", "Head of Procurement"]
const TAGS = ["vip", "grossiste", "export", "relance", "nouveau", "distributeur", "retail", "key-account", "salon-2026", "prospect"]
/**
 * The same tags in English, by position, for English-speaking customers (an English card read « grossiste »). Same
 * length, drawn by the same index: the seed gives the same customers otherwise.
 */
const EN_TAGS = ["vip", "wholesaler", "export", "follow-up", "new", "distributor", "retail", "key-account", "trade-show-2026", "prospect"]
/** The sales reps named on customers: the demo team's manager and agents (server/seed-demo.ts DEMO_USERS). */
export const DEMO_SALES_REPS = ["Claire Dubois", "Marc Lefèbvre", "Sophie Martin"] as const

export interface DemoOptions {
  count: number
  seed?: number
  /** Share of English-speaking customers (UK and US). */
  englishShare?: number
  now?: number
}

function fold(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, "")
}

/** A domain label from a name, whole words kept: "Clinique vétérinaire Lefèvre-Bérard" → "clinique-veterinaire-lefevre-berard". */
function domainLabel(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")
}

/** A French national number that libphonenumber-js accepts: landline 01–05, 09 or mobile 06/07. */
function frNational(rnd: () => number, mobile: boolean): string {
  const lead = mobile ? pick(rnd, ["6", "7"]) : pick(rnd, ["1", "2", "3", "4", "5", "9"])
  // 07 numbers: keep to allocated 073–079 blocks.
  const second = lead === "7" ? String(intBetween(rnd, 3, 8)) : String(intBetween(rnd, 1, 9))
  return lead + second + digits(rnd, 7)
}

function ukNational(rnd: () => number, mobile: boolean): string {
  // Ofcom's drama ranges (07700 900xxx) are too small for 100k demo contacts and libphonenumber rejects them.
  return mobile ? "7" + pick(rnd, ["4", "5", "8", "9"]) + digits(rnd, 8) : "20" + pick(rnd, ["3", "7", "8"]) + digits(rnd, 7)
}

function usNational(rnd: () => number, area: string): string {
  return area + String(intBetween(rnd, 2, 9)) + digits(rnd, 2) + String(intBetween(rnd, 2, 9)) + digits(rnd, 3)
}

/** Writes a national number in the way people do, to exercise parsing; returns [written, E.164]. */
export function writePhone(rnd: () => number, country: "FR" | "GB" | "US", national: string): [string, string] {
  if (country === "FR") {
    const e164 = "+33" + national
    const pairs = ("0" + national).match(/../g) ?? []
    const style = intBetween(rnd, 0, 4)
    const written = [pairs.join(" "), pairs.join("."), "0" + national, `+33 ${national[0]} ${pairs.slice(1).join(" ")}`, `+33 (0)${national[0]} ${pairs.slice(1).join(" ")}`][style]!
    return [written, e164]
  }
  if (country === "GB") {
    const e164 = "+44" + national
    const written = national.startsWith("20")
      ? pick(rnd, [`020 ${national.slice(2, 6)} ${national.slice(6)}`, `+44 20 ${national.slice(2, 6)} ${national.slice(6)}`])
      : pick(rnd, [`0${national.slice(0, 4)} ${national.slice(4)}`, `+44 ${national.slice(0, 4)} ${national.slice(4)}`])
    return [written, e164]
  }
  const e164 = "+1" + national
  const written = pick(rnd, [`(${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6)}`, `+1 ${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`, `${national.slice(0, 3)}-${national.slice(3, 6)}-${national.slice(6)}`])
  return [written, e164]
}

/** A SIREN with a valid Luhn key, as INSEE issues them. */
function siren(rnd: () => number): string {
  const body = digits(rnd, 8)
  for (let k = 0; k <= 9; k++) {
    const candidate = body + String(k)
    let sum = 0
    for (let i = 0; i < 9; i++) {
      let d = Number(candidate[8 - i])
      if (i % 2 === 1) {
        d *= 2
        if (d > 9) d -= 9
      }
      sum += d
    }
    if (sum % 10 === 0) return candidate
  }
  return body + "0"
}

function frVat(sirenNumber: string): string {
  const key = (12 + 3 * (Number(sirenNumber) % 97)) % 97
  return "FR" + String(key).padStart(2, "0") + sirenNumber
}

export interface DemoCustomer extends Customer {
  /** How each contact's phones were written in the source, to feed CSV imports and pages. */
  writtenPhones: string[][]
}

/**
 * Realistic demo customers: French (with accents), British and American companies, several contacts each,
 * phones written in varied national and international forms. Deterministic for a given seed.
 */
export function generateCustomers(opts: DemoOptions): DemoCustomer[] {
  const rnd = seededRandom(opts.seed ?? 42)
  const englishShare = opts.englishShare ?? 0.25
  const now = opts.now ?? Date.UTC(2026, 10, 1)
  const usedNames = new Set<string>()
  const usedPhones = new Set<string>()
  const usedDomains = new Set<string>()
  const out: DemoCustomer[] = []
  for (let i = 0; i < opts.count; i++) {
    const english = rnd() < englishShare
    const country: "FR" | "GB" | "US" = english ? (rnd() < 0.6 ? "GB" : "US") : "FR"
    let company = ""
    // The name without its legal form: what the company's web domain is made of.
    let stem = ""
    for (let attempt = 0; attempt < 50; attempt++) {
      if (english) {
        const last = pick(rnd, EN_LAST)
        const second = rnd() < 0.5 ? ` ${pick(rnd, EN_LAST)}` : ""
        stem = `${last}${second} ${pick(rnd, EN_TRADE)}`
        company = `${stem} ${pick(rnd, EN_FORM[country === "US" ? "US" : "GB"])}`.trim()
      } else {
        const last = pick(rnd, FR_LAST)
        const second = rnd() < 0.5 ? `-${pick(rnd, FR_LAST)}` : ""
        stem = `${pick(rnd, FR_TRADE)} ${last}${second}`
        company = `${stem} ${pick(rnd, FR_FORM)}`.trim()
      }
      if (!usedNames.has(company)) break
      const n = intBetween(rnd, 2, 99)
      company = `${company} ${n}`
      stem = `${stem} ${n}`
      if (!usedNames.has(company)) break
    }
    usedNames.add(company)
    const cityRow = country === "FR" ? pick(rnd, FR_CITIES) : country === "GB" ? pick(rnd, UK_CITIES) : pick(rnd, US_CITIES)
    const [city, postalCode] = cityRow
    const usArea = country === "US" ? (cityRow as readonly [string, string, string])[2] : ""
    // The company's own domain, whole words (never cut short); a second company of the same name takes its city.
    const tld = country === "FR" ? "fr" : country === "GB" ? "co.uk" : "com"
    let domain = `${domainLabel(stem)}.${tld}`
    if (usedDomains.has(domain)) domain = `${domainLabel(`${stem} ${city}`)}.${tld}`
    if (usedDomains.has(domain)) domain = `${domainLabel(`${stem} ${city} ${i}`)}.${tld}`
    usedDomains.add(domain)
    const nContacts = intBetween(rnd, 1, 3)
    const contacts: Contact[] = []
    const writtenPhones: string[][] = []
    for (let c = 0; c < nContacts; c++) {
      const firstName = english ? pick(rnd, EN_FIRST) : pick(rnd, FR_FIRST)
      const lastName = english ? pick(rnd, EN_LAST) : pick(rnd, FR_LAST)
      const phones: string[] = []
      const written: string[] = []
      const nPhones = intBetween(rnd, 1, 2)
      for (let p = 0; p < nPhones; p++) {
        for (let attempt = 0; attempt < 20; attempt++) {
          const mobile = p === 1 || rnd() < 0.4
          const national = country === "FR" ? frNational(rnd, mobile) : country === "GB" ? ukNational(rnd, mobile) : usNational(rnd, usArea)
          const [w, e164] = writePhone(rnd, country, national)
          // Some generated blocks are not allocated (UK 07911…): only numbers libphonenumber accepts.
          if ((usedPhones.has(e164) || (country === "GB" && !isValidPhoneNumber(e164))) && attempt < 19) continue
          usedPhones.add(e164)
          phones.push(e164)
          written.push(w)
          break
        }
      }
      contacts.push({
        id: `${String(i).padStart(6, "0")}-${c}`,
        firstName,
        lastName,
        role: english ? pick(rnd, EN_ROLES) : pick(rnd, FR_ROLES)[FR_WOMEN.has(firstName) ? 1 : 0],
        phones,
        emails: [`${fold(firstName)}.${fold(lastName)}@${domain}`]
      })
      writtenPhones.push(written)
    }
    const sirenNumber = country === "FR" ? siren(rnd) : null
    const tagList = english ? EN_TAGS : TAGS
    const tags = [...new Set([pick(rnd, tagList), ...(rnd() < 0.3 ? [pick(rnd, tagList)] : [])])]
    const customer: DemoCustomer = {
      id: `demo-${String(i).padStart(6, "0")}`,
      code: `C-${String(i + 1).padStart(5, "0")}`,
      company,
      siren: sirenNumber,
      vatNumber: sirenNumber ? frVat(sirenNumber) : country === "GB" ? `GB${digits(rnd, 9)}` : null,
      addresses: [
        {
          label: english ? "Head office" : "Siège",
          line: english ? `${intBetween(rnd, 1, 250)} ${pick(rnd, ["High Street", "Station Road", "Main Street", "Church Lane", "Park Avenue"])}` : `${intBetween(rnd, 1, 120)} ${pick(rnd, FR_STREETS)}`,
          postalCode,
          city,
          country
        }
      ],
      country,
      language: english ? "en" : "fr",
      creditLimitCents: pick(rnd, [500_000, 1_000_000, 2_500_000, 5_000_000, 10_000_000, null]),
      paymentTermsDays: pick(rnd, [0, 30, 45, 60]),
      salesRep: pick(rnd, DEMO_SALES_REPS),
      tags,
      notes: "",
      contacts,
      createdAt: now - intBetween(rnd, 0, 900) * 86_400_000,
      updatedAt: now,
      writtenPhones
    }
    out.push(customer)
  }
  return out
}

/** The same customers without the demo-only fields, ready to store. */
export function toStored(c: DemoCustomer): Customer & { lookupKeys: string[] } {
  const { writtenPhones: _w, ...customer } = c
  return { ...customer, lookupKeys: lookupKeysOf(customer) }
}

/** A 0 % product's mention in French and in English (issue #10: English documents print the English one). */
type Mentions = readonly [string, string]
const PRODUCTS: ReadonlyArray<readonly [string, string, string, number, number, string, Mentions?]> = [
  ["Ramette papier A4 80 g (500 f.)", "A4 copy paper 80 gsm (500 sheets)", "ramette", 549, 2000, "Papeterie"],
  ["Cartouche toner noir TN-2420", "Black toner cartridge TN-2420", "pièce", 6490, 2000, "Consommables"],
  ["Classeur à levier dos 80 mm", "Lever arch file 80 mm", "pièce", 329, 2000, "Papeterie"],
  ["Chaise de bureau ergonomique", "Ergonomic office chair", "pièce", 24900, 2000, "Mobilier"],
  ["Bureau droit 160 × 80 cm", "Straight desk 160 × 80 cm", "pièce", 31900, 2000, "Mobilier"],
  ["Café en grains 1 kg", "Coffee beans 1 kg", "kg", 1890, 550, "Café"],
  ["Livre « Gestion commerciale »", "Book: Sales administration", "pièce", 3200, 550, "Livres"],
  ["Gel hydroalcoolique 500 ml", "Hand sanitiser 500 ml", "flacon", 450, 2000, "Hygiène"],
  ["Contrat de maintenance annuel", "Annual maintenance contract", "an", 89000, 2000, "Services"],
  ["Heure d'intervention technicien", "Technician call-out hour", "heure", 7500, 2000, "Services"],
  ["Enveloppes C4 (250)", "C4 envelopes (250)", "boîte", 2190, 2000, "Papeterie"],
  // Veterinary medicines are at the standard rate: 2.1 % is for medicines for humans reimbursed by social
  // security (CGI art. 281 octies), 10 % for the other human ones.
  ["Médicament vétérinaire (boîte)", "Veterinary medicine (box)", "boîte", 1450, 2000, "Santé animale"],
  ["Palette de stockage 120 × 80", "Storage pallet 120 × 80", "pièce", 1800, 2000, "Logistique"],
  ["Ruban adhésif d'emballage 66 m", "Packing tape 66 m", "rouleau", 215, 2000, "Logistique"],
  ["Étiquettes d'expédition (1 000)", "Shipping labels (1,000)", "rouleau", 2850, 2000, "Logistique"],
  // Continuing vocational training by an approved body is exempt (CGI art. 261-4-4° a): the demo's 0 % product.
  [
    "Formation HACCP (1 jour)",
    "HACCP training (1 day)",
    "jour",
    45000,
    0,
    "Formation",
    ["Exonération de TVA, article 261-4-4° a du CGI (formation professionnelle continue)", "VAT exempt: continuing vocational training, article 261-4-4° a of the French tax code (CGI)"]
  ]
]

export function generateProducts(now = Date.UTC(2026, 10, 1)): Product[] {
  return PRODUCTS.map(([nameFr, nameEn, unit, price, vat, category, mentions], i) => ({
    id: `demo-product-${String(i + 1).padStart(3, "0")}`,
    ref: `REF-${String(1001 + i)}`,
    nameFr,
    nameEn,
    unit,
    unitPriceCents: price,
    vatRateBp: vat,
    category,
    ...(mentions ? { vatExemption: mentions[0], vatExemptionEn: mentions[1] } : {}),
    createdAt: now,
    updatedAt: now
  }))
}
