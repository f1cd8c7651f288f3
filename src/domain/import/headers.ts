import { compactKey } from "./text"

/** The documented customer template, in its column order (export writes the same). */
export const CUSTOMER_FIELDS = [
  "code", "company", "contact_first_name", "contact_last_name", "contact_role", "email", "phone", "mobile",
  "address", "postal_code", "city", "country", "language", "siren", "vat_number", "credit_limit",
  "payment_terms_days", "sales_rep", "tags"
] as const
export type CustomerField = (typeof CUSTOMER_FIELDS)[number]

export const PRODUCT_FIELDS = ["ref", "name_fr", "name_en", "unit", "unit_price", "vat_rate"] as const
export type ProductField = (typeof PRODUCT_FIELDS)[number]

/** Column index of each mapped field. */
export type ColumnMapping<F extends string> = Partial<Record<F, number>>

export interface HeaderMapping<F extends string> {
  mapping: ColumnMapping<F>
  /** Headers left for the user to map (non-blank, in file order). */
  unmapped: string[]
  /** The same with their column index, which stays unambiguous when two headers have the same name. */
  unmappedColumns: { index: number; header: string }[]
}

/*
 * Aliases are compared as compact keys (accents, case, spaces and punctuation ignored), so "N° TVA",
 * "n° tva" and "NTVA" are one alias. Words that mean different things in different exports are left out on
 * purpose: "Poste" (a job or a phone extension), "Encours" (the current balance, not the limit), "Titre"
 * (a civility or a job), "Contact" and "Name" (a full name we cannot split reliably). The user maps those.
 */
const CUSTOMER_ALIASES: Record<CustomerField, readonly string[]> = {
  code: ["code", "code client", "n° client", "no client", "numéro client", "num client", "numéro de client", "réf client", "référence client", "id client", "identifiant client", "code tiers", "numéro de compte", "compte client", "customer code", "customer id", "customer no", "customer number", "client code", "client id", "account number", "account code", "account id"],
  company: ["company", "société", "raison sociale", "entreprise", "nom de la société", "nom société", "nom entreprise", "dénomination", "dénomination sociale", "client", "nom client", "nom du client", "organisation", "organization", "company name", "account name", "account", "customer", "customer name", "business name"],
  contact_first_name: ["contact first name", "prénom", "prénom contact", "prénom du contact", "contact prénom", "first name", "firstname", "given name"],
  contact_last_name: ["contact last name", "nom", "nom contact", "nom du contact", "contact nom", "nom de famille", "last name", "lastname", "surname", "family name"],
  contact_role: ["contact role", "fonction", "fonction contact", "rôle", "role", "job title", "title", "position", "qualité"],
  email: ["email", "e-mail", "mail", "courriel", "adresse email", "adresse e-mail", "adresse mail", "adresse électronique", "mél", "email address", "e-mail address", "contact email"],
  phone: ["phone", "téléphone", "tél.", "tél", "tel", "téléphone fixe", "tél. fixe", "fixe", "ligne directe", "standard", "téléphone bureau", "tél. bureau", "phone number", "telephone", "work phone", "business phone", "office phone", "landline"],
  mobile: ["mobile", "portable", "tél. portable", "téléphone portable", "tél. mobile", "téléphone mobile", "gsm", "cellulaire", "cell", "cell phone", "mobile phone"],
  address: ["address", "adresse", "adresse 1", "adresse ligne 1", "rue", "voie", "adresse postale", "street", "street address", "address line 1", "address 1"],
  postal_code: ["postal code", "code postal", "cp", "c.p.", "zip", "zip code", "postcode", "post code"],
  city: ["city", "ville", "commune", "localité", "town"],
  country: ["country", "pays", "code pays", "country code"],
  language: ["language", "langue", "lang", "langue de communication"],
  siren: ["siren", "n° siren", "numéro siren", "siren number"],
  vat_number: ["vat number", "n° tva", "numéro tva", "numéro de tva", "tva", "tva intracommunautaire", "n° tva intracommunautaire", "numéro de tva intracommunautaire", "n° tva intracom", "tva intracom", "vat", "vat no", "vat id", "vat reg no"],
  credit_limit: ["credit limit", "encours autorisé", "encours maximum", "encours max", "plafond", "plafond de crédit", "plafond crédit", "plafond d'encours", "limite de crédit", "credit line"],
  payment_terms_days: ["payment terms days", "payment terms", "délai de paiement", "délai paiement", "délais de paiement", "délai de règlement", "échéance jours", "terms days"],
  sales_rep: ["sales rep", "commercial", "représentant", "vendeur", "commercial attitré", "responsable commercial", "chargé d'affaires", "salesperson", "sales person", "account manager", "account owner", "owner"],
  tags: ["tags", "tag", "étiquettes", "étiquette", "labels", "mots-clés", "mots clés"]
}

const PRODUCT_ALIASES: Record<ProductField, readonly string[]> = {
  ref: ["ref", "réf", "réf.", "référence", "reference", "code article", "code produit", "réf. article", "référence article", "sku", "product code", "item code", "item number", "part number"],
  name_fr: ["name fr", "name_fr", "nom", "désignation", "désignation fr", "libellé", "libellé fr", "nom du produit", "nom fr", "description fr"],
  name_en: ["name en", "name_en", "name", "english name", "désignation en", "libellé en", "nom en", "nom anglais", "description en", "product name", "item name"],
  unit: ["unit", "unité", "unité de vente", "uom", "unit of measure"],
  unit_price: ["unit price", "unit_price", "prix", "prix unitaire", "prix unitaire ht", "pu", "pu ht", "p.u. ht", "prix ht", "tarif", "tarif ht", "price", "price excl. vat", "net price"],
  vat_rate: ["vat rate", "vat_rate", "tva", "taux tva", "taux de tva", "% tva", "tva %", "vat", "vat %", "tax rate"]
}

function aliasIndex<F extends string>(fields: readonly F[], aliases: Record<F, readonly string[]>): Map<string, F> {
  const index = new Map<string, F>()
  for (const field of fields) {
    index.set(compactKey(field), field)
    for (const alias of aliases[field]) if (!index.has(compactKey(alias))) index.set(compactKey(alias), field)
  }
  return index
}

const customerIndex = aliasIndex(CUSTOMER_FIELDS, CUSTOMER_ALIASES)
const productIndex = aliasIndex(PRODUCT_FIELDS, PRODUCT_ALIASES)

function autoMap<F extends string>(headers: readonly string[], index: Map<string, F>): HeaderMapping<F> {
  const mapping: ColumnMapping<F> = {}
  const unmapped: string[] = []
  const unmappedColumns: { index: number; header: string }[] = []
  headers.forEach((header, i) => {
    const field = index.get(compactKey(header))
    // The first column wins a field; a second "Téléphone" column is the user's call, not ours.
    if (field !== undefined && mapping[field] === undefined) mapping[field] = i
    else {
      unmappedColumns.push({ index: i, header })
      if (header.trim() !== "") unmapped.push(header)
    }
  })
  return { mapping, unmapped, unmappedColumns }
}

export function autoMapCustomerHeaders(headers: readonly string[]): HeaderMapping<CustomerField> {
  return autoMap(headers, customerIndex)
}

export function autoMapProductHeaders(headers: readonly string[]): HeaderMapping<ProductField> {
  return autoMap(headers, productIndex)
}

/** Required fields the mapping still lacks: the UI keeps "Import" disabled until this is empty. */
export function missingCustomerFields(mapping: ColumnMapping<CustomerField>): CustomerField[] {
  return (["code", "company"] as const).filter((f) => mapping[f] === undefined)
}

/** A product needs a name in one language at least: the other is copied from it. */
export function missingProductFields(mapping: ColumnMapping<ProductField>): ProductField[] {
  const missing: ProductField[] = (["ref", "unit_price", "vat_rate"] as const).filter((f) => mapping[f] === undefined)
  if (mapping.name_fr === undefined && mapping.name_en === undefined) missing.splice(1, 0, "name_fr")
  return missing
}
