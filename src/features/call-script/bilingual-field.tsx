import type { LocalizedText } from "~src/domain/scripts/script.schema"

/** One text in French and English side by side, named `<name>.fr` / `<name>.en`. */
export function Bilingual({ label, name, value, multiline, onChange }: { label: string; name: string; value: LocalizedText; multiline?: boolean; onChange: (v: LocalizedText) => void }) {
  const rows = multiline ? textRows(value) : 0
  return (
    <div className="c-script-bilingual">
      {(["fr", "en"] as const).map((l) => (
        <label key={l} className="c-field">
          <span>
            {label} · {l.toUpperCase()}
          </span>
          {multiline ? (
            <textarea name={`${name}.${l}`} lang={l} rows={rows} maxLength={4000} value={value[l] ?? ""} onChange={(e) => onChange({ ...value, [l]: e.target.value })} />
          ) : (
            <input name={`${name}.${l}`} lang={l} maxLength={4000} value={value[l] ?? ""} onChange={(e) => onChange({ ...value, [l]: e.target.value })} />
          )}
        </label>
      ))}
    </div>
  )
}

/**
 * Tall enough for the longer of the two texts (both sides alike, so they line up): a shipped script is read only,
 * and a prompt cut at three lines would hide what its variant changes. About 45 characters a line at the editor's width.
 */
function textRows(value: LocalizedText): number {
  const lines = (t = "") => t.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 45)), 0)
  return Math.min(10, Math.max(3, lines(value.fr), lines(value.en)))
}
