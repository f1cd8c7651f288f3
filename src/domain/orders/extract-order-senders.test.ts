import { describe, expect, it } from "vitest"

import { fixtureExtractor } from "~bench/orders-corpus"

import type { OrderMail } from "./types"

/**
 * Who the order is from, against the corpus's customers (tests/fixtures/orders/customers.csv): two hotels share a
 * domain, some customers write from public mailboxes, colleagues forward customers' mails.
 */
const extractor = fixtureExtractor()
const ORDER = "Bonjour,\nMerci de nous livrer 4 boîtes de gants nitrile taille M.\n"

function customerOf(from: OrderMail["from"], text: string, subject = "Commande"): string | null {
  return extractor.extract({ from, to: [], subject, date: "2026-05-07T09:00:00+02:00", text, htmlText: "", attachments: [] }).customer_code
}

describe("the customer of a captured order, by who sent it", () => {
  it("is the customer whose contact has the sender's address", () => {
    expect(customerOf({ address: "t.dumont@menuiserie-dumont.fr", name: "Thibault Dumont" }, ORDER)).toBe("C-00107")
  })

  it("is the customer of the sender's company domain for a colleague we have never had mail from", () => {
    expect(customerOf({ address: "magasin@menuiserie-dumont.fr", name: "Le magasin" }, ORDER)).toBe("C-00107")
  })

  it("is, between two hotels sharing a domain, the one the signature names", () => {
    expect(customerOf({ address: "gouvernante@hotels-fontaine.fr", name: "Sylvie" }, `${ORDER}Cordialement,\nSylvie, gouvernante\nHôtel Fontaine Annecy`)).toBe("C-00110")
    expect(customerOf({ address: "gouvernante@hotels-fontaine.fr", name: "Sylvie" }, `${ORDER}Cordialement,\nSylvie, gouvernante\nHôtel Fontaine Lyon`)).toBe("C-00109")
  })

  it("is, from a personal mailbox, the company named in the signature", () => {
    expect(customerOf({ address: "thibault.d33@gmail.com", name: "Thibault" }, `${ORDER}Merci,\nThibault\nMenuiserie Dumont et Fils`)).toBe("C-00107")
  })

  it("is, from a personal mailbox with no company named, the customer one of whose contacts has the signature's phone", () => {
    expect(customerOf({ address: "amelie.perso@gmail.com", name: "Amélie" }, `${ORDER}Merci,\nAmélie\nTél. 04 78 42 11 90`)).toBe("C-00101")
    expect(customerOf({ address: "amelie.perso@gmail.com", name: "Amélie" }, `${ORDER}Merci,\nAmélie\nTél. 04 78 00 00 01`)).toBeNull()
  })

  it("is, from a personal mailbox with no company named, the contact whose full name the sender shows", () => {
    expect(customerOf({ address: "chloe.r1984@gmail.com", name: "Chloe Radcliffe" }, "Hi,\nPlease send 4 boxes of nitrile gloves M.\nThanks,\nChloe")).toBe("C-00210")
  })

  it("is the customer who wrote the forwarded mail when a colleague of ours forwards it", () => {
    const forwarded = `Pour saisie, merci.\n\n---------- Forwarded message ---------\nDe : Thibault Dumont <t.dumont@menuiserie-dumont.fr>\nDate : mer. 6 mai 2026 à 17:10\nObjet : commande\nÀ : Sophie <sophie.martin@comptoir-fournitures.fr>\n\n${ORDER}`
    expect(customerOf({ address: "sophie.martin@comptoir-fournitures.fr", name: "Sophie Martin" }, forwarded, "Fwd: commande")).toBe("C-00107")
  })

  it("is nobody, rather than a guess, for a stranger writing from a public mailbox", () => {
    expect(customerOf({ address: "jean.dupont1970@orange.fr", name: "Jean Dupont" }, `${ORDER}Merci,\nJean`)).toBeNull()
  })
})
