/**
 * What may come between a delivery address and the rest of a mail without being part of it or making it the
 * sender's own: a note on how the goods get in ("demander Kevin au portail, pas de livraison avant 7h30", "Banksman on
 * the gate will sign for it."), and the words that place a spot relative to a building ("at the back of", « derrière
 * le »). Kept apart from the rules that find addresses (address-in-prose.ts, address-bounds.ts), which use them.
 */

/**
 * A line saying how the goods get in or who takes them: a gate, a door, a dock, whom to ask or call, who signs, the
 * hours a delivery is taken, the place said not to come to. A signature's line (a name, a title, a phone) says none.
 */
const WAY_IN_NOTE =
  /\b(?:gate|portail|porte|door|entrance|entr[ée]e|dock|quai|bay|ring|buzz|sonne[rz]?|sonnette|interphone|digicode|code|ask for|demande[rz]?(?: (?:[àa]|pour))?|sign for|signera|signe pour|banksman|concierge|caretaker|gardien|security|s[ée]curit[ée]|reception|accueil|call (?:me|us|ahead|on arrival)|appele[rz]?(?: moi| nous)?|(?:no|pas de) deliver(?:y|ies)? (?:before|after)|pas de livraison (?:avant|apr[èe]s)|deliveries (?:before|after|between)|livraisons? (?:avant|apr[èe]s|entre)|on site (?:from|between)|sur place (?:de|d[èe]s|entre)|open (?:from|between)|ouvert (?:de|d[èe]s)|not to (?:the|our) (?:office|shop|head office)|pas (?:au|[àa] la) (?:bureau|boutique|si[èe]ge|magasin))(?![\p{L}])/iu

/** A signature's line: a phone number, a title, an e-mail or web address, a company's legal words. */
const SIGNATURE_LINE = /\+?\d[\d .]{8,}\d|@|www\.|\b(?:ltd|limited|sarl|sas|siret|rcs|tva|vat|company no|registered)\b/i

/**
 * The lines after an address block, from `from`: a note of one or two lines on how the goods get in, alone in its
 * paragraph, then the sign-off the `signOff` test knows (in the lines, or opening the signature cut off after them).
 * The index of the sign-off's line (the lines' length when it opens the signature), or -1.
 */
export function signOffAfterWayIn(lines: readonly string[], from: number, signOff: RegExp, signature = ""): number {
  let k = from
  while (k < lines.length && lines[k]!.trim() === "") k++
  let notes = 0
  while (k < lines.length && lines[k]!.trim() !== "" && notes < 2 && !signOff.test(lines[k]!)) {
    if (!WAY_IN_NOTE.test(lines[k]!) || SIGNATURE_LINE.test(lines[k]!) || lines[k]!.length > 160) return -1
    notes++
    k++
  }
  if (notes === 0) return -1
  while (k < lines.length && lines[k]!.trim() === "") k++
  if (k === lines.length) return signOff.test(signature.split("\n").find((l) => l.trim() !== "") ?? "") ? k : -1
  return signOff.test(lines[k]!) ? k : -1
}

/**
 * "the site cabin at the back of 140 Argyle Street", « la cabane de chantier derrière le 12 rue … », "the container
 * next to 5 Dock Road": a spot named relative to a numbered building is part of where the goods go, the words before
 * the relation say which spot. The relation's own words, ending right before the street.
 */
export const RELATIVE_TO_STREET =
  /(?:(?:at|round|around|to|in) the (?:back|rear|side|front|far end|end) of|behind|next to|beside|opposite|across (?:the road )?from|(?:[àa] l['’]arri[èe]re|au fond de la cour|au fond|[àa] c[ôo]t[ée]|en face|au bout|au dos) (?:du|de la|de l['’]|des|de)|derri[èe]re(?: le| la| l['’])?|jouxtant(?: le| la)?)\s*$/iu
