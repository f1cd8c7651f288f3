/**
 * A customer's sales rep is stored as a name (what imports, exports, sync, documents and scripts have always
 * carried); the editor offers it as a pick among the team's users. A stored name is read as the member it spells
 * (case, accents and spaces aside), else kept as it is and shown as someone outside the team: a wrong rep is
 * worse than none, so a name is never silently dropped nor swapped for a look-alike.
 */

/** A name as people write it: case, accents and spaces aside ("Marc Lefebvre" is "marc  LEFÈBVRE"). */
export const nameKey = (name: string) => name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim()

/** The team member a name designates, as the team spells it; undefined for a name no member goes by. */
export function teamMemberNamed(name: string | null | undefined, members: readonly string[]): string | undefined {
  const key = name ? nameKey(name) : ""
  return key ? members.find((m) => nameKey(m) === key) : undefined
}

/** The names to pick from: one per person (a name twice in the team is one choice), in alphabetical order. */
export function salesRepChoices(members: readonly string[]): string[] {
  const byKey = new Map<string, string>()
  for (const m of members) {
    const name = m.trim()
    if (name && !byKey.has(nameKey(name))) byKey.set(nameKey(name), name)
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b, "fr", { sensitivity: "base" }))
}

export type SalesRepShown = { kind: "none" } | { kind: "member"; name: string } | { kind: "inactive"; name: string } | { kind: "outsider"; name: string }

/**
 * How a form shows a stored rep: nobody, a member (in the team's spelling), a member whose account is disabled
 * (`inactive`: no longer offered, but a document or a file that names them still does), or a name outside the team.
 */
export function salesRepShown(stored: string | null | undefined, members: readonly string[], inactive: readonly string[] = []): SalesRepShown {
  const name = stored?.trim() ?? ""
  if (name === "") return { kind: "none" }
  const member = teamMemberNamed(name, members)
  if (member) return { kind: "member", name: member }
  const former = teamMemberNamed(name, inactive)
  return former ? { kind: "inactive", name: former } : { kind: "outsider", name }
}
