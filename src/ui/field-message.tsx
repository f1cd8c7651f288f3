import type { FieldError } from "react-hook-form"
import { useTranslation } from "react-i18next"

/** An error in words under its field (the message is an i18n key of the domain's rules). */
export function FieldMessage({ error }: { error: FieldError | undefined }) {
  const { t } = useTranslation()
  if (!error?.message) return null
  return (
    <span className="c-error" role="alert" data-comptoir="field-error">
      {t(error.message)}
    </span>
  )
}
