import { compactKey, fold } from "./text"

/** The documented customer template, in its column order (export writes the same). */
export const CUSTOMER_FIELDS = [
  "code", "company", "contact_first_name", "contact_last_name", "contact_role", "email", "phone", "mobile",
  "address", "postal_code", "city", "country", "language", "siren", "vat_number", "credit_limit",
  "payment_terms_days", "sales_rep", "tags"
] as const
export type CustomerField = (typeof CUSTOMER_FIELDS)[number]

/**
 * The documented product template, in its column order; `category` (optional) is what a discount on a category names;
 * `vat_exemption` and `vat_exemption_en` (optional, added last so older files keep their layout) are a 0 % product's
 * mention in French and in English.
 */
export const PRODUCT_FIELDS = ["ref", "name_fr", "name_en", "unit", "unit_price", "vat_rate", "category", "vat_exemption", "vat_exemption_en"] as const
export type ProductField = (typeof PRODUCT_FIELDS)[number]

/** Column index of each mapped field. */
export type ColumnMapping<F extends string> = Partial<Record<F, number>>

/** Fields a row may give several columns of: they all go to the row's contact. */
export const MULTI_FIELDS = ["email", "phone", "mobile"] as const
export type MultiField = (typeof MULTI_FIELDS)[number]

/** A second (third…) email or phone column: `email_2`, `Secondary Email`, `Person - Phone - Home`. */
export interface ExtraColumn {
  field: MultiField
  index: number
}

export interface HeaderMapping<F extends string> {
  mapping: ColumnMapping<F>
  /** Further columns of a field that takes several (customers: email, phone, mobile), in file order. */
  extra: ExtraColumn[]
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

/*
 * The contact exports of the CRMs French SMEs use, by their own column names (English and French UIs): HubSpot
 * ("Mobile Phone Number", "Country/Region", "Contact owner", "Associated Company"), Salesforce and Zoho ("Account
 * Name", "Mailing Street", "Mailing Zip/Postal Code", "Contact Owner", "Secondary Email", "Other Phone"), Pipedrive
 * ("Person - First name", "Person - Email - Work", "Organization - Name", "Person - Labels"), Odoo ("Related
 * Company", "Job Position", "Internal Reference", "Tax ID", and "Société liée", "Poste occupé" in French), Sellsy
 * and Axonaut ("Nom de l'entreprise", "Téléphone fixe", "Téléphone portable", "SIRET", "Smart-tags"). "Record ID" and
 * "Contact Id" are ids of one contact, not of a customer: never a code. Email and phone columns of every shape
 * (`email_work`, `phone_1_number`, `tel_2`, `mobile_pro`…) are recognised by family (`familyOf` below).
 */
const CRM_ALIASES: Partial<Record<CustomerField, readonly string[]>> = {
  code: ["internal reference", "référence interne", "reference", "référence", "ref", "réf", "code client tiers", "numéro de client", "customer reference", "account no"],
  company: ["associated company", "related company", "société liée", "organization - name", "person - organization", "organisation - nom", "nom de l'entreprise", "nom entreprise", "entreprise liée", "company_name", "parent company"],
  contact_first_name: ["person - first name", "contact - first name", "first_name", "prénom du contact"],
  contact_last_name: ["person - last name", "contact - last name", "last_name"],
  contact_role: ["person - job title", "job position", "poste occupé", "intitulé de poste", "title/position"],
  email: ["person - email", "secondary email", "other email", "e-mail professionnel", "email professionnel", "email secondaire", "adresse e-mail secondaire"],
  phone: ["person - phone", "phone number", "other phone", "home phone", "main phone", "téléphone professionnel", "téléphone principal", "autre téléphone"],
  mobile: ["mobile phone number", "mobilephone", "person - phone - mobile", "numéro de portable", "numéro de mobile", "téléphone mobile professionnel"],
  address: ["mailing street", "billing street", "shipping street", "adresse de facturation", "rue 1"],
  postal_code: ["mailing zip/postal code", "billing zip/postal code", "mailing zip", "billing zip", "mailing postal code", "code postal de facturation"],
  city: ["mailing city", "billing city", "ville de facturation"],
  country: ["country/region", "mailing country", "billing country", "pays de facturation"],
  siren: ["siret", "n° siret", "numéro siret"],
  vat_number: ["tax id", "numéro fiscal", "n° de tva intracom", "n° de tva intracommunautaire", "numéro de tva intracom"],
  sales_rep: ["contact owner", "person - owner", "organization - owner", "propriétaire du contact", "propriétaire", "responsable", "salesperson", "commercial assigné"],
  tags: ["person - labels", "person - label", "smart-tags", "smart tags", "labels du contact"]
}

const PRODUCT_ALIASES: Record<ProductField, readonly string[]> = {
  ref: ["ref", "réf", "réf.", "référence", "reference", "code article", "code produit", "réf. article", "référence article", "sku", "product code", "item code", "item number", "part number"],
  name_fr: ["name fr", "name_fr", "nom", "désignation", "désignation fr", "libellé", "libellé fr", "nom du produit", "nom fr", "description fr"],
  name_en: ["name en", "name_en", "name", "english name", "désignation en", "libellé en", "nom en", "nom anglais", "description en", "product name", "item name"],
  unit: ["unit", "unité", "unité de vente", "uom", "unit of measure"],
  unit_price: ["unit price", "unit_price", "prix", "prix unitaire", "prix unitaire ht", "pu", "pu ht", "p.u. ht", "prix ht", "tarif", "tarif ht", "price", "price excl. vat", "net price"],
  vat_rate: ["vat rate", "vat_rate", "tva", "taux tva", "taux de tva", "% tva", "tva %", "vat", "vat %", "tax rate"],
  category: ["category", "catégorie", "categorie", "catégorie produit", "product category", "famille", "famille d'articles", "famille de produits", "product family", "family", "gamme"],
  vat_exemption: ["vat exemption", "vat exemption fr", "mention d'exonération", "mention d'exonération fr", "mention d'exonération de tva", "mention exonération", "exonération", "exonération tva", "exonération de tva", "motif d'exonération", "motif d'exonération fr", "exemption mention", "vat exemption reason", "tax exemption reason"],
  vat_exemption_en: ["vat exemption en", "mention d'exonération en", "mention d'exonération anglais", "mention d'exonération (anglais)", "motif d'exonération en", "exemption mention en", "english vat exemption", "vat exemption reason en", "vat exemption (english)"]
}

function aliasIndex<F extends string>(fields: readonly F[], aliases: Record<F, readonly string[]>, more: Partial<Record<F, readonly string[]>> = {}): Map<string, F> {
  const index = new Map<string, F>()
  for (const field of fields) {
    index.set(compactKey(field), field)
    for (const alias of aliases[field]) if (!index.has(compactKey(alias))) index.set(compactKey(alias), field)
  }
  for (const field of fields) for (const alias of more[field] ?? []) if (!index.has(compactKey(alias))) index.set(compactKey(alias), field)
  return index
}

const customerIndex = aliasIndex(CUSTOMER_FIELDS, CUSTOMER_ALIASES, CRM_ALIASES)

// Families of email and phone column names, read on the folded header with separators as "_" and an object
// prefix dropped ("Person - Email - Work" → "email_work"). Only suffixes that name a kind or a rank: "email_opt_out",
// "phone_type" or "tel_verified" are other data.
const OBJECT_PREFIX = /^(?:person|contact|organi[sz]ation|company|account|lead|societe|entreprise)_/
const EMAIL_FAMILY = /^(?:e_?mail|courriel|mail)(?:_(?:\d+|work|home|other|personal|perso|pro|professionnel|business|secondary|secondaire|primary|principal|address|adresse|autre))*$/
const PHONE_FAMILY = /^(?:phone|telephone|tel)(?:_?(?:\d+|number|numero|num|no|work|office|bureau|fixe|direct|main|principal|home|domicile|perso|personal|pro|business|other|autre|secondary|standard|mobile|cell|portable|gsm))*$/
const MOBILE_FAMILY = /^(?:mobile|portable|cell|cellphone|gsm)(?:_?(?:\d+|phone|number|numero|num|no|pro|perso|work|personal))*$/
const MOBILE_WORD = /(?:^|_)(?:mobile|cell|portable|gsm)(?:_|$)/

/** "email_work" → email, "phone_1_number" → phone, "Person - Phone - Mobile" → mobile, "tel2" → phone; else null. */
export function familyOf(header: string): MultiField | null {
  const key = fold(header)
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .replace(OBJECT_PREFIX, "")
  if (EMAIL_FAMILY.test(key)) return "email"
  if (MOBILE_FAMILY.test(key)) return "mobile"
  if (PHONE_FAMILY.test(key)) return MOBILE_WORD.test(key) ? "mobile" : "phone"
  return null
}
const productIndex = aliasIndex(PRODUCT_FIELDS, PRODUCT_ALIASES)

function autoMap<F extends string>(headers: readonly string[], index: Map<string, F>, family?: (header: string) => F | null, multi: readonly F[] = []): HeaderMapping<F> {
  const mapping: ColumnMapping<F> = {}
  const extra: ExtraColumn[] = []
  const unmapped: string[] = []
  const unmappedColumns: { index: number; header: string }[] = []
  headers.forEach((header, i) => {
    const field = index.get(compactKey(header)) ?? family?.(header) ?? undefined
    // The first column wins a field; a second email or phone column goes to the same contact, a second column of
    // any other field ("Téléphone" twice is fine, "Société" twice is not) is the user's call.
    if (field !== undefined && mapping[field] === undefined) mapping[field] = i
    else if (field !== undefined && multi.includes(field)) extra.push({ field: field as unknown as MultiField, index: i })
    else {
      unmappedColumns.push({ index: i, header })
      if (header.trim() !== "") unmapped.push(header)
    }
  })
  return { mapping, extra, unmapped, unmappedColumns }
}

export function autoMapCustomerHeaders(headers: readonly string[]): HeaderMapping<CustomerField> {
  return autoMap<CustomerField>(headers, customerIndex, familyOf, MULTI_FIELDS)
}

export function autoMapProductHeaders(headers: readonly string[]): HeaderMapping<ProductField> {
  return autoMap(headers, productIndex)
}

/**
 * Required fields the mapping still lacks: the UI keeps "Import" disabled until this is empty. Without a code
 * column, codes can be made from the company names (`codesFromCompany`): then only the company is required.
 */
export function missingCustomerFields(mapping: ColumnMapping<CustomerField>, opts: { codesFromCompany?: boolean } = {}): CustomerField[] {
  return (["code", "company"] as const).filter((f) => mapping[f] === undefined && !(f === "code" && opts.codesFromCompany === true))
}

/** A product needs a name in one language at least: the other is copied from it. */
export function missingProductFields(mapping: ColumnMapping<ProductField>): ProductField[] {
  const missing: ProductField[] = (["ref", "unit_price", "vat_rate"] as const).filter((f) => mapping[f] === undefined)
  if (mapping.name_fr === undefined && mapping.name_en === undefined) missing.splice(1, 0, "name_fr")
  return missing
}
