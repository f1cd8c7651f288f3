/** A script's problem as shown: its code says it in the agent's language; the English message is the fallback. */
export interface ShownProblem {
  at: string
  message: string
  code?: string
  params?: Record<string, string | number>
}

/** The problem in the agent's language (`callScript.problem.<code>`), for the workspace's editor and import. */
export function problemText(t: (k: string, o?: Record<string, unknown>) => string, p: ShownProblem): string {
  return p.code ? t(`callScript.problem.${p.code}`, { ...p.params, defaultValue: p.message }) : p.message
}
