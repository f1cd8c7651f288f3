import * as z from "zod"

import { nameKey } from "~src/domain/customers/sales-rep"

import type { StoredSession } from "./session-store"
import type { TeamServer } from "./team-server"

// `active` is absent from an older server's answer: its members are all taken as in use; `canOverride` too (before
// 6 Dec 2026): no one is named then.
const Members = z.object({ members: z.array(z.object({ email: z.string(), name: z.string(), active: z.boolean().default(true), canOverride: z.boolean().optional() })).max(10_000) })
type Member = z.infer<typeof Members>["members"][number]

/** The members as the device last heard them, for one server and team (`TeamMembersRecord`). */
const KeptMembers = Members.extend({ serverUrl: z.string(), teamId: z.string(), at: z.number() })
export type KeptMembers = z.infer<typeof KeptMembers>

/** Where the members last heard are kept on the device (the extension's IndexedDB), so a worker started offline has them. */
export interface TeamNamesStore {
  read(): Promise<unknown>
  write(kept: KeptMembers): Promise<void>
}

/** A member who may override a customer's risk block: the name to ask for, the e-mail when the account has none. */
export interface Overrider {
  email: string
  name: string
}

/** How long the team's names are kept before they are asked again; after a failure, when to try again. */
const KEEP_MS = 5 * 60_000
const RETRY_MS = 30_000

/**
 * The names a team's members go by, by e-mail (lower case): a document's history keeps who did each step by e-mail
 * (what the server checks against the user who pushes it), and shows the person's name when the account has one.
 * Asked of the server (`GET /team/members`) at most every 5 minutes per session; the signed-in user's own name comes
 * from the session, so it shows offline too. A member without a name is left out: the history then shows the e-mail.
 * `activeOnly` leaves out the disabled accounts too, for a pick of people who can still do the work (a sales rep).
 */
export class TeamNames {
  private kept: { token: string; at: number; names: ReadonlyMap<string, string>; inactive: ReadonlySet<string>; overriders: readonly Overrider[] } | null = null
  private asking: Promise<void> | null = null

  private loading: Promise<void> | null = null

  constructor(
    private readonly server: Pick<TeamServer, "request">,
    private readonly now: () => number = Date.now,
    private readonly store?: TeamNamesStore
  ) {}

  async of(session: StoredSession | null, opts: { activeOnly?: boolean } = {}): Promise<Record<string, string>> {
    if (!session) return {}
    await this.fresh(session)
    const names: Record<string, string> = {}
    const kept = this.kept?.token === session.token ? this.kept : null
    for (const [email, name] of kept?.names ?? []) if (!opts.activeOnly || !kept?.inactive.has(email)) names[email] = name
    if (session.user.name.trim()) names[session.user.email.toLowerCase()] = session.user.name.trim()
    return names
  }

  /**
   * The names a sales rep is picked from (`active`, the signed-in user's included) and the names of the disabled
   * accounts (`inactive`), which a stored document or a customer may still carry: a form shows such a rep as
   * "(inactive)" rather than as a stranger to the team. A disabled account that shares an active member's name is
   * that member. Offline, the names last known for this session.
   */
  async reps(session: StoredSession | null): Promise<{ active: string[]; inactive: string[] }> {
    const active = Object.values(await this.of(session, { activeOnly: true }))
    const kept = session && this.kept?.token === session.token ? this.kept : null
    const taken = new Set(active.map(nameKey))
    const inactive = [...(kept?.names ?? [])].flatMap(([email, name]) => (kept?.inactive.has(email) && !taken.has(nameKey(name)) ? [name] : []))
    return { active, inactive }
  }

  /**
   * The team's active managers and admins, who may override a customer's risk block: an agent blocked at an order's
   * confirmation is told whom to ask. Empty offline before the first answer, or from an older server.
   */
  async overriders(session: StoredSession | null): Promise<Overrider[]> {
    if (!session) return []
    await this.fresh(session)
    return this.kept?.token === session.token ? [...this.kept.overriders] : []
  }

  /**
   * Names known for this session (this worker's, else the device's for the same team) are given at once, and asked
   * again behind when older than 5 minutes; with none, the server's answer is awaited.
   */
  private async fresh(session: StoredSession): Promise<void> {
    if (this.kept?.token !== session.token && this.store) await (this.loading ??= this.load(session).finally(() => (this.loading = null)))
    const known = this.kept?.token === session.token
    if (known && this.now() - this.kept!.at < KEEP_MS) return
    const asking = (this.asking ??= this.ask(session).finally(() => (this.asking = null)))
    if (!known) await asking
  }

  /** The members the device kept for this session's server and team, if any (a worker just started, offline maybe). */
  private async load(session: StoredSession): Promise<void> {
    const stored = KeptMembers.safeParse(await this.store!.read().catch(() => null))
    if (!stored.success || stored.data.serverUrl !== session.serverUrl || stored.data.teamId !== session.team.id || this.kept?.token === session.token) return
    this.kept = { token: session.token, ...this.fromMembers(stored.data.members), at: stored.data.at }
  }

  private fromMembers(members: readonly Member[]) {
    const named = members.filter((m) => m.name.trim())
    return {
      names: new Map(named.map((m) => [m.email.toLowerCase(), m.name.trim()])),
      inactive: new Set(named.filter((m) => m.active === false).map((m) => m.email.toLowerCase())),
      overriders: members.filter((m) => m.canOverride === true).map((m) => ({ email: m.email.toLowerCase(), name: m.name.trim() || m.email }))
    }
  }

  private async ask(session: StoredSession): Promise<void> {
    try {
      const reply = await this.server.request(session, "GET", "/team/members", undefined, (x) => Members.parse(x))
      const at = this.now()
      this.kept = { token: session.token, at, ...this.fromMembers(reply.members) }
      void this.store?.write({ serverUrl: session.serverUrl, teamId: session.team.id, at, members: reply.members }).catch(() => undefined)
    } catch {
      // Offline or an older server: the names known so far for this session, asked again in 30 s.
      const known = this.kept?.token === session.token ? this.kept : { names: new Map<string, string>(), inactive: new Set<string>(), overriders: [] }
      this.kept = { token: session.token, at: this.now() - KEEP_MS + RETRY_MS, names: known.names, inactive: known.inactive, overriders: known.overriders }
    }
  }
}
