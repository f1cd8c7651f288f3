import { fold } from "./text"

/*
 * Codes for a file without a code column (a CRM's contact export): made from the company name, so the same file
 * imported again gives the same codes and merges instead of duplicating, and a user can read them ("DUPONT-INDUS").
 * Legal forms are dropped (they are noise, and "Dupont SAS" and "Dupont" are usually one customer written twice).
 * The importer makes them unique within the file ("-2", "-3" for two companies that fold to one code) and the
 * writer against the stored base (run-import.ts).
 */

const LEGAL_FORMS = new Set([
  "sa", "sas", "sasu", "sarl", "eurl", "sci", "snc", "scop", "scp", "selarl", "ei", "eirl", "gie", "ste", "societe", "ets", "etablissements",
  "ltd", "llc", "llp", "plc", "inc", "corp", "co", "gmbh", "ag", "kg", "bv", "nv", "srl", "spa", "sl", "ab", "as", "oy", "the", "le", "la", "les"
])
const MAX_LENGTH = 20

/** "Dupont Industrie SAS" → "DUPONT-INDUSTRIE"; "L'Atelier du Bois" → "L-ATELIER-DU-BOIS"; a name of symbols → "CLIENT". */
export function codeFromCompany(company: string): string {
  const words = fold(company)
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "")
  const kept = words.filter((w) => !LEGAL_FORMS.has(w))
  let code = ""
  for (const w of (kept.length > 0 ? kept : words).map((x) => x.toUpperCase())) {
    const next = code === "" ? w : `${code}-${w}`
    if (next.length > MAX_LENGTH) {
      if (code === "") code = w.slice(0, MAX_LENGTH)
      break
    }
    code = next
  }
  return code === "" ? "CLIENT" : code
}
