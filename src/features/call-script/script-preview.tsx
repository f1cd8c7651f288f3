import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"

import { startRun, type ScriptLanguage, type ScriptRun } from "~src/domain/scripts/script-engine"
import type { CallScript } from "~src/domain/scripts/script.schema"
import { greetingsAt } from "~src/domain/scripts/greeting"
import type { VariableValues } from "~src/domain/scripts/variables"

import { ScriptRunner } from "./script-runner"
import { useAgent } from "./use-scripts"

/** A made-up customer for the preview; the contact's role is left out on purpose so a gap shows what an agent would see. */
const SAMPLE: VariableValues = {
  "contact.first_name": "Marie",
  "contact.last_name": "Durand",
  "customer.company": "Boulangerie Durand SARL",
  "customer.code": "CL-01042",
  "customer.city": "Lyon",
  "customer.sales_rep": "Julien Moreau"
}

/** The draft run as an agent would see it, in memory (nothing is written for a preview). */
export function ScriptPreview({ script }: { script: CallScript }) {
  const { t, i18n } = useTranslation()
  // The sample rep is someone else; a script with variants can be read as the rep would hear it too.
  const [asRep, setAsRep] = useState(false)
  const hasVariants = script.steps.some((s) => s.alternatives?.length) || script.objections.some((o) => o.alternatives?.length)
  const agent = useAgent()
  const [language, setLanguage] = useState<ScriptLanguage>(i18n.language === "fr" ? "fr" : "en")
  const [run, setRun] = useState<ScriptRun>(() => startRun(script, language))
  // The draft changed under the preview (a step renamed or deleted): start it over on the same language.
  const stale = run.scriptId !== script.id || run.path.some((id) => !script.steps.some((s) => s.id === id))
  useEffect(() => {
    if (stale) setRun(startRun(script, language))
  }, [stale, script, language])
  const agentName = agent.name ?? "Marc Lefèbvre"
  const values: VariableValues = {
    ...SAMPLE,
    ...(asRep && hasVariants ? { "customer.sales_rep": agentName } : {}),
    "agent.name": agentName,
    "agent.company": agent.company ?? "Comptoir",
    greeting: greetingsAt(new Date())
  }
  return (
    <div data-comptoir="script-preview">
      {hasVariants ? (
        <label className="c-script-preview-context" title={t("callScript.editor.previewAsRepTitle")}>
          <input type="checkbox" data-comptoir="script-preview-as-rep" checked={asRep} onChange={(e) => setAsRep(e.target.checked)} /> {t("callScript.editor.previewAsRep")}
        </label>
      ) : null}
      <ScriptRunner
        scripts={[script]}
        script={script}
        run={stale ? startRun(script, language) : run}
        values={values}
        onRun={(r) => {
          setLanguage(r.language)
          setRun(r)
        }}
        onScript={() => setRun(startRun(script, language))}
      />
    </div>
  )
}
