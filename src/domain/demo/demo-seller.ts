import type { Seller } from "../documents/seller.schema"

/** The demo team's company, as its manager would fill the team's seller identity (a fictitious SIREN with a valid key). */
export const DEMO_SELLER: Seller = {
  name: "Comptoir Démo Distribution",
  legalForm: "SAS",
  shareCapitalCents: 5_000_000,
  siren: "732829320",
  rcsCity: "Lyon",
  vatNumber: "FR44732829320",
  address: { line: "12 rue de la République", postalCode: "69002", city: "Lyon", country: "FR" },
  latePenalty: { kind: "ecb-plus-10" },
  earlyPaymentDiscountBp: 0,
  email: "ventes@demo.comptoir.test",
  phone: "+33 4 72 00 00 00",
  iban: ""
}
