import { mayEditScripts, mergeScripts, shippedScripts } from "~src/domain/scripts/script-library"
import type { CallScript } from "~src/domain/scripts/script.schema"
import { validateScript, type ScriptProblem } from "~src/domain/scripts/validate-script"

import type { ComptoirDb } from "./database"
import { ReplicatedRepository } from "./replicated-repository"

export type ScriptWrite = { ok: true } | { ok: false; error: string; problems?: ScriptProblem[] }

/**
 * The team's call scripts (`callScripts`, replicated to the team) with the shipped ones merged in. Writes are
 * checked here with the server's own rule (managers and admins), so an agent is refused on this device too,
 * not only later by the server.
 */
export class CallScriptStore {
  private readonly repo: ReplicatedRepository<"callScripts">

  constructor(
    db: ComptoirDb,
    /** The signed-in user's role; null without a team. */
    private readonly role: () => Promise<string | null>
  ) {
    this.repo = new ReplicatedRepository(db, "callScripts")
  }

  async list(): Promise<{ scripts: CallScript[]; canEdit: boolean; role: string | null }> {
    const [team, role] = await Promise.all([this.repo.all(), this.role()])
    return { scripts: mergeScripts(team as CallScript[]), canEdit: mayEditScripts(role), role }
  }

  async save(script: CallScript, now: number): Promise<ScriptWrite> {
    if (!mayEditScripts(await this.role())) return { ok: false, error: "only a manager or an admin may change the team's scripts" }
    if (script.builtin || isShippedId(script.id)) return { ok: false, error: "a shipped script is not changed: duplicate it and edit the copy" }
    const checked = validateScript(script)
    if (!checked.ok) return { ok: false, error: "the script has problems", problems: checked.problems }
    await this.repo.put({ ...checked.script, updatedAt: now })
    return { ok: true }
  }

  async delete(id: string): Promise<ScriptWrite> {
    if (!mayEditScripts(await this.role())) return { ok: false, error: "only a manager or an admin may change the team's scripts" }
    if (isShippedId(id)) return { ok: false, error: "a shipped script cannot be deleted" }
    if (!(await this.repo.get(id))) return { ok: false, error: "no such script" }
    await this.repo.delete(id)
    return { ok: true }
  }
}

function isShippedId(id: string): boolean {
  return shippedScripts().some((s) => s.id === id)
}
