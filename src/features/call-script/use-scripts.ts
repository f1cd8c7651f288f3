import { useCallback, useEffect, useState } from "react"
import * as z from "zod"

import type { Customer } from "~src/domain/customers/customer.schema"
import { answersInWords, startRun, type ScriptLanguage, type ScriptRun } from "~src/domain/scripts/script-engine"
import { scriptAnswersKey, scriptRunKey, type OverdueInvoice, type ScriptAnswers } from "~src/domain/scripts/script-library"
import type { CallScript } from "~src/domain/scripts/script.schema"
import { send } from "~src/messaging/send"
import { useBaseGeneration } from "~src/ui/use-base-generation"

/** The scripts (shipped + team) and whether this user may edit them; `reload` after a save. */
export function useScriptLibrary(): { scripts: CallScript[] | null; canEdit: boolean; role: string | null; error: string | null; reload: () => void } {
  const [state, setState] = useState<{ scripts: CallScript[] | null; canEdit: boolean; role: string | null; error: string | null }>({ scripts: null, canEdit: false, role: null, error: null })
  // A sync that brought rows (a colleague's change among them) moves the generation: read again.
  const { generation, reload } = useBaseGeneration()
  useEffect(() => {
    let live = true
    send("scripts/list", {}).then(
      (r) => live && setState({ scripts: r.scripts, canEdit: r.canEdit, role: r.role, error: null }),
      (e: unknown) => live && setState((s) => ({ ...s, error: e instanceof Error ? e.message : String(e) }))
    )
    return () => {
      live = false
    }
  }, [generation])
  return { ...state, reload }
}

/**
 * Who the agent is, for `{{agent.name}}` and `{{agent.company}}`: the signed-in user, else the SIP display name; the
 * company the customer's quotes and invoices come from (the team's seller identity), else the team's name.
 */
export function useAgent(): { name: string | null; company: string | null } {
  const [agent, setAgent] = useState<{ name: string | null; company: string | null }>({ name: null, company: null })
  useEffect(() => {
    let live = true
    void Promise.all([send("sync/status", {}).catch(() => null), send("softphone/settings", {}).catch(() => null), send("team/seller", {}).catch(() => null)]).then(([status, phone, seller]) => {
      if (!live) return
      setAgent({ name: status?.user?.name || phone?.settings.sip?.displayName || null, company: seller?.seller?.name || status?.team?.name || null })
    })
    return () => {
      live = false
    }
  }, [])
  return agent
}

const StoredRun = z.object({
  scriptId: z.string(),
  language: z.enum(["fr", "en"]),
  path: z.array(z.string()).min(1),
  answers: z.array(z.object({ stepId: z.string(), choiceId: z.string(), at: z.number() })),
  checked: z.array(z.string()),
  objectionsUsed: z.array(z.string()),
  finished: z.boolean(),
  suggestedOutcome: z.string().nullable()
})

/**
 * The run of one call, kept in chrome.storage.session (`scriptRun:<callId>`): the side panel, the popup and the
 * softphone tab show the same step, and closing the popup loses nothing. Every change also writes the answers
 * in words to `scriptAnswers:<callId>`, which the outcome form puts into the call log.
 */
export function useCallRun(callId: string, scripts: readonly CallScript[], proposed: { scriptId: string; language: ScriptLanguage }): [ScriptRun | null, (run: ScriptRun) => void] {
  const [run, setRun] = useState<ScriptRun | null>(null)
  const runKey = scriptRunKey(callId)
  const ready = scripts.length > 0

  const save = useCallback(
    (next: ScriptRun) => {
      setRun(next)
      const script = scripts.find((s) => s.id === next.scriptId)
      const answers: ScriptAnswers = { scriptId: next.scriptId, answers: script ? answersInWords(script, next) : [] }
      void chrome.storage.session.set({ [runKey]: next, [scriptAnswersKey(callId)]: answers }).catch(() => undefined)
    },
    [callId, runKey, scripts]
  )

  useEffect(() => {
    let live = true
    setRun(null)
    void chrome.storage.session.get(runKey).then((got) => {
      if (!live) return
      const parsed = StoredRun.safeParse(got[runKey])
      if (parsed.success && scripts.some((s) => s.id === parsed.data.scriptId)) setRun(parsed.data)
      else {
        const script = scripts.find((s) => s.id === proposed.scriptId)
        if (script) save(startRun(script, proposed.language))
      }
    })
    const onChanged = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
      if (area !== "session" || !(runKey in changes)) return
      const parsed = StoredRun.safeParse(changes[runKey]!.newValue)
      if (parsed.success) setRun(parsed.data)
    }
    chrome.storage.onChanged.addListener(onChanged)
    return () => {
      live = false
      chrome.storage.onChanged.removeListener(onChanged)
    }
    // The proposal only matters for a run not started yet: a reload of the scripts must not restart one.
  }, [runKey, ready])

  return [run, save]
}

/** The script opened from a customer's card, without a call (chrome.storage.session `scriptCard`). */
export const SCRIPT_CARD_KEY = "scriptCard"
export interface ScriptCard {
  customer: Customer
  contactId: string | null
  at: number
  /**
   * The invoice the script was opened for (the dunning list's row): the reminder's facts name it, not the
   * customer's most overdue one.
   */
  invoice?: OverdueInvoice | null
}

export function openScriptFor(customer: Customer, contactId: string | null = null, invoice: OverdueInvoice | null = null): Promise<void> {
  return chrome.storage.session.set({ [SCRIPT_CARD_KEY]: { customer, contactId, at: Date.now(), invoice } satisfies ScriptCard })
}

export function closeCardScript(): Promise<void> {
  return chrome.storage.session.remove(SCRIPT_CARD_KEY)
}

export function useCardScript(): ScriptCard | null {
  const [card, setCard] = useState<ScriptCard | null>(null)
  useEffect(() => {
    let live = true
    void chrome.storage.session.get(SCRIPT_CARD_KEY).then((got) => live && setCard((got[SCRIPT_CARD_KEY] as ScriptCard | undefined) ?? null))
    const onChanged = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
      if (area === "session" && SCRIPT_CARD_KEY in changes) setCard((changes[SCRIPT_CARD_KEY]!.newValue as ScriptCard | undefined) ?? null)
    }
    chrome.storage.onChanged.addListener(onChanged)
    return () => {
      live = false
      chrome.storage.onChanged.removeListener(onChanged)
    }
  }, [])
  return card
}
