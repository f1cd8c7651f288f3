import { spawn, type ChildProcess } from "node:child_process"
import { fileURLToPath } from "node:url"

import pg from "pg"

import { TEST_PG_URL } from "./harness"

const ROOT = fileURLToPath(new URL("../../", import.meta.url))

export interface ServerProcess {
  url: string
  child: ChildProcess
  /** Everything it printed so far (stdout and stderr). */
  output(): string
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>
  /** SIGKILL: no shutdown code runs, as in a crash. */
  kill9(): Promise<void>
}

/**
 * `server/main.ts` as a real child process on a free port, as `npm run server` runs it (node with tsx's
 * loader in the same process, so SIGKILL hits the server itself, not a wrapper).
 */
export function spawnServer(
  env: Record<string, string>,
  opts: { wrapper?: string[] } = {}
): { child: ChildProcess; ready: Promise<ServerProcess>; exited: Promise<number | null>; output(): string } {
  // A wrapper (strace …) runs the server as its child: then `child` is the wrapper.
  const command = [...(opts.wrapper ?? []), process.execPath, "--import", "tsx", "server/main.ts"]
  const child = spawn(command[0]!, command.slice(1), {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "warn", SEED: "never", ...env },
    stdio: ["ignore", "pipe", "pipe"]
  })
  let out = ""
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()))
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()))
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)))
  const output = () => out
  const ready = new Promise<ServerProcess>((resolve, reject) => {
    const onData = () => {
      const m = /team server: (http:\/\/\S+)/.exec(out)
      if (!m) return
      child.stdout!.off("data", onData)
      resolve({
        url: m[1]!,
        child,
        output,
        async stop() {
          if (child.exitCode !== null || child.signalCode !== null) return
          child.kill("SIGTERM")
          await exited
        },
        async kill9() {
          if (child.exitCode !== null || child.signalCode !== null) return
          child.kill("SIGKILL")
          await exited
        }
      })
    }
    child.stdout!.on("data", onData)
    void exited.then((code) => reject(new Error(`server exited with ${code} before it was ready:\n${out}`)))
  })
  ready.catch(() => {}) // the caller may only look at `exited`
  return { child, ready, exited, output }
}

/** `<test database>_<suffix>`, dropped if it exists, then created empty. */
export async function freshDatabase(suffix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const url = new URL(TEST_PG_URL)
  const name = `${url.pathname.slice(1)}_${suffix}`
  url.pathname = `/${name}`
  const maintenance = TEST_PG_URL.replace(/\/[^/?]+(\?|$)/, "/postgres$1")
  const admin = new pg.Client({ connectionString: maintenance, connectionTimeoutMillis: 3000 })
  await admin.connect()
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: maintenance })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    }
  }
}

/** Reads the versions of `event: poke` messages from /sync/events, signed in with a bearer token. */
export async function pokeStream(url: string, token: string) {
  const res = await fetch(`${url}/sync/events`, { headers: { authorization: `Bearer ${token}` } })
  if (res.status !== 200) throw new Error(`events: ${res.status}`)
  return readPokes(res)
}

/** Reads `event: poke` messages one by one from a fetch() stream of /sync/events; another event fails. */
export function readPokes(res: Response) {
  const reader = res.body!.getReader()
  const ready: number[] = []
  let buffer = ""
  return {
    async next(): Promise<number> {
      while (ready.length === 0) {
        const { value, done } = await reader.read()
        if (done) throw new Error("stream ended")
        buffer += new TextDecoder().decode(value)
        const parts = buffer.split("\n\n")
        buffer = parts.pop() ?? ""
        // The `retry:` field and the `: keep-alive` comments are not pokes; a poke must be exactly this shape.
        for (const p of parts) {
          const poke = /^event: poke\ndata: (\{"version":\d+\})$/.exec(p)
          if (poke) ready.push((JSON.parse(poke[1]!) as { version: number }).version)
          else if (p.startsWith("event:")) throw new Error(`not a poke: ${p}`)
        }
      }
      return ready.shift()!
    },
    /** The next poke at or above `version` (a catch-up may repeat an older head first). */
    async until(version: number): Promise<number> {
      for (;;) {
        const v = await this.next()
        if (v >= version) return v
      }
    },
    close: () => reader.cancel()
  }
}
