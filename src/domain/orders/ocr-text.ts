/**
 * Text a copier's OCR read from a scan ("BON DE C0MMANDE", "Gants nitri1e", "| l0 | bte", "GN-44O9"): the figures 0 and
 * 1 taken for the letters O and l (or I) inside words, and those letters taken for figures inside numbers. Only in a text
 * that shows the mistake at least twice in its words, so a code such as "A4R" or "B2B" elsewhere is left alone. Pure.
 */

/**
 * A word of five characters or more with a 0 or a 1 between its letters: "C0MMANDE", "Eg1ise", "poubel1e" (not a
 * British postcode's "W1G", "SW1A").
 */
const MISREAD_WORD = /(?<![\p{L}\d])(?=[\p{L}01]{5,}(?![\p{L}\d]))\p{L}+(?:[01]\p{L}+)+(?![\p{L}\d])/gu
/** A number with an O, an l or an I among its figures: "l0", "5OO", "44O9", "0l". */
const MISREAD_NUMBER = /(?<![\p{L}\d])(?=[\dlIO]*\d)(?=[\dlIO]*[lIO])[\dlIO]{2,}(?![\p{L}\d])/gu

export function withOcrRepaired(text: string): string {
  if ((text.match(MISREAD_WORD) ?? []).length < 2) return text
  return text
    .replace(MISREAD_WORD, (w) => {
      const upper = !/\p{Ll}/u.test(w)
      return w.replace(/0/g, upper ? "O" : "o").replace(/1/g, upper ? "I" : "l")
    })
    .replace(MISREAD_NUMBER, (n) => n.replace(/[lI]/g, "1").replace(/O/g, "0"))
}
