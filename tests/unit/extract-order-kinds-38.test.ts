import { describe, expect, it } from "vitest"

import type { OrderMail } from "~src/domain/orders/types"

import { EN, extract } from "./extract-order-kinds-37-kit"

/**
 * The order act of held-out 39's kind of miss (tune38; the places and days are in extract-order-kinds-38-places.test.ts),
 * tried on five phrasings or more of the tuner's own, French and English (none from a corpus mail).
 */
const en = (text: string): Partial<OrderMail> => (/^(?:bonjour|madame)/i.test(text) ? {} : EN)

describe("goods asked for the stand the sender holds at a show", () => {
  it("is an order, the show being where the goods go («livrer directement sur place », 'deliver to our stand', « adresse du stand : »)", () => {
    const cases: [string, string | null][] = [
      ["Bonjour,\n\nNous serons au salon de l'agriculture la semaine prochaine. Merci de nous livrer directement sur place pour lundi :\n- 10 sachets de gobelets carton\n- 4 packs d'eau\n\nAdresse du stand :\nGAEC des Prés - Stand B 40, Hall 4\nParis Expo Porte de Versailles\n1 place de la Porte de Versailles\n75015 Paris\n\nMerci", "GAEC des Prés - Stand B 40, Hall 4, Paris Expo Porte de Versailles, 1 place de la Porte de Versailles, 75015 Paris"],
      ["Hi,\n\nWe're exhibiting at the salon in Lyon next week. Please deliver to our stand on Monday morning:\n- 6 packs of water\n- 10 bags of paper cups\n\nStand address:\nStand 2C14, Hall 2\nEurexpo Lyon\nBoulevard de l'Europe\n69680 Chassieu\n\nThanks", "Stand 2C14, Hall 2, Eurexpo Lyon, Boulevard de l'Europe, 69680 Chassieu"],
      ["Bonjour,\n\nNous tenons un stand au salon des métiers d'art de Lille la semaine prochaine. Pouvez-vous nous livrer directement sur place pour le mardi 8 au matin :\n- 10 sachets de gobelets carton\n- 4 packs d'eau\n\nMerci\nAnne", null],
      ["Bonjour,\n\nNous exposons au salon de l'habitat de Nantes. Merci de livrer sur place, à notre stand, pour vendredi :\n- 6 packs d'eau\n- 2 rouleaux de film étirable\n\nCordialement", null],
      ["Hi,\n\nWe have a stand at the salon in Paris next week. Could you deliver these to our stand on Monday:\n- 6 packs of water\n- 10 bags of paper cups\n\nThanks", null],
      ["Hello,\n\nWe are exhibiting at the farm salon in Brussels. Please send the following on site for Tuesday:\n- 4 packs of water\n- 3 rolls of 50L bags\n\nRegards", null],
      ["Bonjour,\n\nPour notre stand au salon du tourisme, merci d'envoyer sur place pour jeudi :\n- 20 cartons 40x30x30\n- 4 packs d'eau\n\nBonne journée", null],
      ["Bonjour,\n\nOn sera au salon des vins à Beaune. Vous pouvez nous livrer sur place samedi matin ?\n- 4 packs d'eau\n- 10 sachets de gobelets\n\nMerci", null]
    ]
    for (const [text, address] of cases) {
      const got = extract(text, en(text))
      expect(got.order_decision).toBe("order")
      if (address !== null) expect(got.delivery_address).toBe(address)
    }
  })

  it("still takes a show's invitation, its stand named, for no order (guard, passes on main too)", () => {
    expect(extract("Bonjour,\n\nNous vous invitons au salon Hygiène Pro, stand 14, du 8 au 10 décembre. Venez nous voir !\n\nCordialement").order_decision).toBe("not-order")
  })
})

describe("a forward's note striking a product of the list it forwards", () => {
  it("leaves that line out, the rest as the list has it", () => {
    const en = "\n\nNiamh\n\n-----Original Message-----\nFrom: Ciaran Walsh\nSent: Wednesday, December 2, 2026 5:40 PM\nSubject: kit list\n\ncan you order:\n4 boxes nitrile gloves (M)\n10 boxes surgical masks\n2 packs AA batteries\n5 rolls bin bags 110L\n"
    const fr = "\n\nNiamh\n\nDe : Karim Benali\nEnvoyé : mercredi 2 décembre 2026 17:40\nObjet : liste atelier\n\ntu peux commander :\n4 boîtes de gants nitrile M\n10 boîtes de masques chirurgicaux\n2 lots de piles AA\n5 rouleaux de sacs poubelle 110 L\n"
    const cases: [string, string, string][] = [
      [`Hi,\n\nForwarding Ciaran's list. Please drop the masks, we have plenty. Rest as he has it.${en}`, "Fwd: kit list", "MSQ-200"],
      [`Hi,\n\nCiaran's list below. Remove the batteries, we found a box. Everything else as listed.${en}`, "Fwd: kit list", "PIL-AA"],
      [`Hi,\n\nSee below. Forget the bin bags, we've loads in the store. The rest please.${en}`, "Fwd: kit list", "SAC-110"],
      [`Bonjour,\n\nJe vous transfère la liste de Karim. Retirez les piles, on en a au bureau. Le reste comme il l'a écrit.${fr}`, "TR: liste atelier", "PIL-AA"],
      [`Bonjour,\n\nLa liste de Karim ci-dessous. Oubliez les sacs poubelle, on en a plein. Le reste sans changement.${fr}`, "TR: liste atelier", "SAC-110"]
    ]
    for (const [text, subject, struck] of cases) {
      const refs = extract(text, { ...(/^Bonjour/.test(text) ? {} : EN), subject }).lines.map((l) => l.ref)
      expect(refs).not.toContain(struck)
      expect(refs).toContain("GN-4410")
    }
  })
})

describe("goods added to one's own order quoted below, said to go with it", () => {
  const quotedFr = "\n\nNadia\n\nLe lun. 23 nov. 2026 à 09:00, Claire Petit <intendance@ambassade-exemple.fr> a écrit :\n> Bonjour,\n> merci de nous livrer :\n> 10 ramettes A4\n> 2 boîtes de stylos bleus\n> Livraison mardi 8 décembre à :\n> Cabinet Durand\n> 4 rue Haute\n> 67000 Strasbourg\n> Merci"
  const quotedEn = "\n\nSam\n\nOn Mon, Nov 23, 2026 at 9:00 AM Sam Reid <facilities@embassy-example.org> wrote:\n> Hi,\n> PO 88-4410:\n> 10 reams A4\n> 2 boxes black pens\n> Deliver Tuesday Dec 8 to:\n> Durand Partners\n> 4 High Street\n> Bath BA1 5AW\n> Thanks"

  it("orders the quoted lines with the added one, on the quoted day (« J'oubliais : ajoutez … Même adresse, même date. », 'add … to this, same PO')", () => {
    const cases: [string, string[]][] = [
      [`Re-bonjour,\n\nJ'oubliais : ajoutez 2 boîtes de capsules café s'il vous plaît. Même adresse, même date.${quotedFr}`, ["REF-1001", "STY-BL", "CAP-100"]],
      [`Re-bonjour,\n\nJ'ajoute 2 lots de piles AA pour l'atelier, s'il vous plaît. Même livraison.${quotedFr}`, ["REF-1001", "STY-BL", "PIL-AA"]],
      [`Re-bonjour,\n\nRajoutez 2 bidons de liquide vaisselle 5 L s'il vous plaît, même commande.${quotedFr}`, ["REF-1001", "STY-BL", "LV-5L"]],
      [`Hi again,\n\nOne more thing - add 3 rolls of packing tape to this, same PO.${quotedEn}`, ["REF-1001", "STY-NR", "REF-1014"]],
      [`Hi again,\n\nPlease add 4 packs of still water. Same address and date.${quotedEn}`, ["REF-1001", "STY-NR", "EAU-50"]]
    ]
    for (const [text, refs] of cases) {
      const got = extract(text, { ...(/^Re-bonjour/.test(text) ? {} : EN), subject: "Re: Commande" })
      expect(got.lines.map((l) => l.ref).sort()).toEqual([...refs].sort())
      expect(got.delivery_date).toBe("2026-12-08")
    }
  })

  it("still orders only the added goods put « à la même livraison » (guard, passes on main too)", () => {
    const got = extract(`Re-bonjour,\n\nJ'ai oublié : ajoutez 2 lots de piles AA à la même livraison.${quotedFr}`, { subject: "Re: Commande" })
    expect(got.lines.map((l) => l.ref)).toEqual(["PIL-AA"])
  })
})
