/**
 * `{{greeting}}`: the day's greeting at the agent's own clock (the browser's zone), since the agent is the one who
 * says it: "Good morning" before noon, "Good afternoon" before 18:00, "Good evening" after; « Bonjour » until 18:00,
 * « Bonsoir » after. Capitalised, for the start of a sentence, as the shipped scripts use it. The scripts said
 * "Good morning" and « Bonjour » at any hour.
 */
export type GreetingLanguage = "fr" | "en"

export function greetingAt(at: Date, language: GreetingLanguage): string {
  const hour = at.getHours()
  if (language === "fr") return hour < 18 ? "Bonjour" : "Bonsoir"
  return hour < 12 ? "Good morning" : hour < 18 ? "Good afternoon" : "Good evening"
}

/** Both languages' greeting at that moment: a script's text picks its own (a French text shown for a missing English one says « Bonjour »). */
export function greetingsAt(at: Date): { fr: string; en: string } {
  return { fr: greetingAt(at, "fr"), en: greetingAt(at, "en") }
}
