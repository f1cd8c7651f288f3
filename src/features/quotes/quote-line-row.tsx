import { useEffect, useLayoutEffect, useRef, useState } from "react"
import type { FieldErrors, UseFormRegister, UseFormRegisterReturn } from "react-hook-form"
import type { useTranslation } from "react-i18next"

import { linePriceNote } from "~src/domain/catalog/line-pricing"
import { parseScaledDecimal } from "~src/domain/documents/money"
import { lineFromValues, VAT_RATE_CHOICES, type QuoteFormValues } from "~src/domain/documents/quote-form"
import { lineNetCents } from "~src/domain/documents/totals"
import { PriceSourceNote } from "~src/features/catalog"
import { FieldMessage } from "~src/ui/field-message"
import { useUnitText } from "~src/ui/use-unit-text"

type Translate = ReturnType<typeof useTranslation>["t"]

/** A line's net amount in cents, or null while its values do not parse. */
export function lineNet(l: QuoteFormValues["lines"][number] | undefined): number | null {
  const parsed = l ? lineFromValues(l) : null
  return parsed ? lineNetCents(parsed) : null
}

/**
 * One row of the quote's lines: its inputs with their errors, the price's source under the price, the net. The unit
 * reads in the quote's language, as its PDF will print it and as the description beside it is written ("boxes" on
 * an English quote of a catalog that says "boîte"); the form stores the catalog's word (`useUnitText`).
 */
export function LineRow({
  i,
  register,
  errors: allErrors,
  touched,
  submitted = false,
  netCents,
  money,
  t,
  onRemove,
  onUnit,
  line,
  lang,
  frenchMention = false,
  alreadyOnLine = null
}: {
  i: number
  /** The line as it stands: the note under its price reads its stored source (a reopened draft's too). */
  line: QuoteFormValues["lines"][number] | undefined
  lang: "fr" | "en"
  register: UseFormRegister<QuoteFormValues>
  errors: FieldErrors<QuoteFormValues["lines"][number]> | undefined
  /** The line's fields the agent has left (react-hook-form's touched fields). */
  touched?: Partial<Record<"ref" | "label" | "quantity" | "unit" | "unitPrice" | "discountPercent" | "vatRate", boolean>>
  /** The form was submitted (saved, issued, printed…): every error shows, typed in or not. */
  submitted?: boolean
  netCents: number | null
  money: (cents: number) => string
  t: Translate
  onRemove: () => void
  /** The unit to store: the field shows it in `lang`, the form keeps the catalog's word. */
  onUnit: (unit: string) => void
  /** An English quote's 0 % line whose product has only its French exemption mention: it will print that one. */
  frenchMention?: boolean
  /** The earlier line that has the same catalog product (`earlierLineOfProduct`): said, not refused. */
  alreadyOnLine?: number | null
}) {
  // The form validates a whole line as soon as it is added (react-hook-form re-checks the field array on append), so
  // a free line's empty price came up in error before the agent could type one. A field's error shows once the
  // agent typed in it or left it, or the form was submitted, as react-hook-form's onTouched mode shows them.
  const [typedIn, setTypedIn] = useState<ReadonlySet<string>>(() => new Set())
  const typed = (name: string) => setTypedIn((s) => (s.has(name) ? s : new Set(s).add(name)))
  const errors = Object.fromEntries(Object.entries(allErrors ?? {}).filter(([name]) => submitted || typedIn.has(name) || touched?.[name as keyof typeof touched])) as typeof allErrors
  const registered = (name: "ref" | "label" | "quantity" | "unitPrice" | "discountPercent"): UseFormRegisterReturn => {
    const r = register(`lines.${i}.${name}`)
    return {
      ...r,
      onChange: (e) => {
        typed(name)
        return r.onChange(e)
      }
    }
  }
  const cell = (name: "ref" | "quantity" | "unitPrice" | "discountPercent", extra: { inputMode?: "decimal"; className?: string } = {}, note: React.ReactNode = null) => (
    <td data-label={t(`quotes.form.${name === "discountPercent" ? "discount" : name}`)}>
      <input {...registered(name)} aria-label={`${t(`quotes.form.${name === "discountPercent" ? "discount" : name}`)} ${i + 1}`} aria-invalid={errors?.[name] ? "true" : "false"} {...extra} />
      <FieldMessage error={errors?.[name]} />
      {note}
    </td>
  )
  const note = line ? linePriceNote(line) : null
  const unit = useUnitText(line?.unit ?? "", line ? parseScaledDecimal(line.quantity, 3) : null, lang, onUnit)
  return (
    <tr data-comptoir="quote-line">
      {cell("ref")}
      <td data-label={t("quotes.form.label")}>
        <GrowingField className="c-quote-line-label" registration={registered("label")} value={line?.label ?? ""} aria-label={`${t("quotes.form.label")} ${i + 1}`} invalid={Boolean(errors?.label)} />
        <FieldMessage error={errors?.label} />
        {alreadyOnLine !== null ? (
          <span className="c-muted c-quote-line-note" data-comptoir="quote-line-duplicate">
            {t("quotes.form.alreadyOnLine", { n: alreadyOnLine })}
          </span>
        ) : null}
      </td>
      {cell("quantity", { inputMode: "decimal", className: "c-num" })}
      <td data-label={t("quotes.form.unit")}>
        <GrowingField className="c-quote-line-unit" controlled={{
            name: `lines.${i}.unit`,
            ...unit,
            onChange: (e) => {
              typed("unit")
              unit.onChange(e)
            }
          }} value={unit.value} aria-label={`${t("quotes.form.unit")} ${i + 1}`} invalid={Boolean(errors?.unit)} />
        <FieldMessage error={errors?.unit} />
      </td>
      {cell("unitPrice", { inputMode: "decimal", className: "c-num" }, note ? <PriceSourceNote note={note} lang={lang} /> : null)}
      {cell("discountPercent", { inputMode: "decimal", className: "c-num" })}
      <td data-label={t("quotes.form.vatRate")}>
        <select {...register(`lines.${i}.vatRate`)} aria-label={`${t("quotes.form.vatRate")} ${i + 1}`}>
          {VAT_RATE_CHOICES.map((r) => (
            <option key={r.value} value={r.value}>
              {lang === "fr" ? r.value.replace(".", ",") : r.value}
            </option>
          ))}
        </select>
        {frenchMention ? (
          <span className="c-notice" data-comptoir="quote-line-mention-fr" title={t("quotes.form.mentionFrenchOnlyTitle", { text: line?.vatExemption ?? "" })}>
            {t("quotes.form.mentionFrenchOnly")}
          </span>
        ) : null}
      </td>
      <td className="c-num" data-label={t("quotes.form.lineTotal")} data-comptoir="quote-line-total" data-cents={netCents ?? ""}>
        {netCents === null ? "—" : money(netCents)}
      </td>
      <td className="c-quote-line-remove">
        <button type="button" className="c-link" aria-label={t("quotes.form.removeLine", { n: i + 1 })} onClick={onRemove}>
          ✕
        </button>
      </td>
    </tr>
  )
}

/** Its content height, so no line of it is hidden: the borders on top of the scroll height (padding included). */
function fit(el: HTMLTextAreaElement | null): void {
  if (!el) return
  el.style.height = "auto"
  // Not laid out (a hidden page): one row high until something changes it again.
  if (el.scrollHeight === 0) return
  el.style.height = `${el.scrollHeight + el.offsetHeight - el.clientHeight}px`
}

/**
 * A line's description, as long as the catalog's name ("Gants nitrile non poudrés taille M (boîte de 100)"), and
 * its unit (a catalog's unit is up to 30 characters: "ramette", "mètre linéaire"): a one-line input cut them at
 * the column's width, so the agent could not read what the customer gets. A textarea one row high that grows with
 * its wrapped text, whatever sets it (typing, a product picked, prices updated) and when the window's width
 * changes. One line still: Enter adds no line break (the PDF's line is one paragraph).
 */
function GrowingField({
  registration,
  controlled,
  value,
  invalid,
  className,
  ...aria
}: {
  /** The form's field as react-hook-form registers it, or a field the row shows otherwise than stored (the unit). */
  registration?: UseFormRegisterReturn
  controlled?: { name: string; value: string; onFocus: () => void; onChange: (e: { target: { value: string } }) => void; onBlur: () => void }
  value: string
  invalid: boolean
  className: string
  "aria-label": string
}) {
  const el = useRef<HTMLTextAreaElement | null>(null)
  useLayoutEffect(() => fit(el.current), [value])
  useEffect(() => {
    const onResize = () => fit(el.current)
    window.addEventListener("resize", onResize)
    return () => window.removeEventListener("resize", onResize)
  }, [])
  return (
    <textarea
      rows={1}
      className={className}
      {...(registration ?? controlled)}
      ref={(node) => {
        registration?.ref(node)
        el.current = node
      }}
      onKeyDown={(e) => {
        if (e.key === "Enter") e.preventDefault()
      }}
      aria-label={aria["aria-label"]}
      aria-invalid={invalid ? "true" : "false"}
    />
  )
}
