import { useEffect, useState } from "react"

import { parseScriptAnswers, SCRIPT_ANSWERS_KEY_PREFIX, type ScriptAnswers } from "~src/domain/calls/outcome-form"

const NONE: ScriptAnswers = { scriptId: null, answers: [] }

/**
 * The call script's answers for a call, as the script runner keeps them in chrome.storage.session
 * (`scriptAnswers:<callId>`), followed while the form is open (the runner may still be writing).
 */
export function useScriptAnswers(callId: string | null): ScriptAnswers {
  const [answers, setAnswers] = useState<ScriptAnswers>(NONE)
  useEffect(() => {
    if (!callId || !chrome.storage?.session) return
    const key = SCRIPT_ANSWERS_KEY_PREFIX + callId
    let live = true
    chrome.storage.session
      .get(key)
      .then((r) => live && setAnswers(parseScriptAnswers(r[key])))
      .catch(() => undefined)
    const onChanged = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
      if (area === "session" && key in changes) setAnswers(parseScriptAnswers(changes[key]!.newValue))
    }
    chrome.storage.onChanged.addListener(onChanged)
    return () => {
      live = false
      chrome.storage.onChanged.removeListener(onChanged)
    }
  }, [callId])
  return answers
}
