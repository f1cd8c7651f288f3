/** Both languages of a shipped text, side by side so a translator reads them together. */
export function both(fr: string, en: string): { fr: string; en: string } {
  return { fr, en }
}
