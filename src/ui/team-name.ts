/**
 * The name a team member goes by, from the e-mail a history or a call log keeps; the e-mail itself when no name is
 * known. `names`: by e-mail in lower case, as the background gives them (src/sync/team-names.ts). No zod: the page
 * panel's cards use it too.
 */
export function teamName(email: string, names: Readonly<Record<string, string>> | undefined): string {
  return names?.[email.toLowerCase()] ?? email
}
