import type { LocalizedText } from "~src/domain/scripts/script.schema"

/** One text in French and English side by side, named `<name>.fr` / `<name>.en`. */
export function Bilingual({ label, name, value, multiline, onChange }: { label: string; name: string; value: LocalizedText; multiline?: boolean; onChange: (v: LocalizedText) => void }) {
  return (
    <div className="c-script-bilingual">
      {(["fr", "en"] as const).map((l) => (
        <label key={l} className="c-field">
          <span>
            {label} · {l.toUpperCase()}
          </span>
          {multiline ? (
            <textarea name={`${name}.${l}`} lang={l} rows={3} maxLength={4000} value={value[l] ?? ""} onChange={(e) => onChange({ ...value, [l]: e.target.value })} />
          ) : (
            <input name={`${name}.${l}`} lang={l} maxLength={4000} value={value[l] ?? ""} onChange={(e) => onChange({ ...value, [l]: e.target.value })} />
          )}
        </label>
      ))}
    </div>
  )
}
