import { execFile } from "node:child_process"
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs"
import { connect } from "node:net"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { promisify } from "node:util"

const run = promisify(execFile)
const HERE = resolve(__dirname)

export const LAB_WS = "ws://127.0.0.1:8088"
export const LAB_DOMAIN = "127.0.0.1"

/** The agent the tests register as (the lab's kamailio takes any), in the options page's `sip.<key>` fields. */
export const LAB_AGENT1 = {
  websocketUrl: LAB_WS,
  uri: "sip:agent1@127.0.0.1",
  authorizationUser: "agent1",
  password: "lab-password",
  displayName: "Agent One"
} as const

/** The samples of a WAV file being written: its header's data length is set only when it is closed. */
function samplesOf(file: string): Int16Array {
  const wav = readFileSync(file)
  const data = wav.indexOf("data", 12, "latin1")
  if (data < 0) return new Int16Array(0)
  const start = data + 8
  const end = start + Math.floor((wav.length - start) / 2) * 2
  return new Int16Array(wav.buffer.slice(wav.byteOffset + start, wav.byteOffset + end))
}

/** Root mean square of 16-bit samples, from 0 (silence, or no samples) to 1 (full scale). */
export function loudness(samples: Int16Array): number {
  if (samples.length === 0) return 0
  let sum = 0
  for (const s of samples) sum += s * s
  return Math.sqrt(sum / samples.length) / 32768
}

/** The local SIP lab (kamailio + rtpengine + baresip) in a run directory of its own. */
export class TelephonyLab {
  readonly runDir: string
  private up = false

  constructor(runDir?: string) {
    this.runDir = runDir ?? mkdtempSync(join(tmpdir(), "comptoir-lab-"))
  }

  async start(): Promise<void> {
    await run(join(HERE, "start.sh"), [this.runDir], { timeout: 30_000 })
    this.up = true
  }

  async stop(): Promise<void> {
    await run(join(HERE, "stop.sh"), [this.runDir], { timeout: 30_000 })
    this.up = false
  }

  async dispose(): Promise<void> {
    if (this.up) await this.stop()
    rmSync(this.runDir, { recursive: true, force: true })
  }

  /** A daemon's log so far ("baresip", "kamailio", "rtpengine"). */
  log(daemon: "baresip" | "kamailio" | "rtpengine"): string {
    return readFileSync(join(this.runDir, `${daemon}.log`), "utf8")
  }

  /**
   * Starts listening at the lab's peer: the function returned gives what it has heard since, i.e. the audio
   * baresip decoded from the network, as its sndfile module records it (`rec/dump-<time>-dec.wav`, one per call,
   * 16-bit PCM, written as packets arrive: nothing is added while no RTP comes in). Every call's file counts,
   * from where it stood at the start. baresip 1.0 records nothing more of a call after a re-INVITE (hold).
   */
  listen(): () => Int16Array {
    const from = new Map(this.recordings().map((f) => [f, samplesOf(f).length]))
    return () => {
      const parts = this.recordings().map((f) => samplesOf(f).subarray(from.get(f) ?? 0))
      const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0))
      let at = 0
      for (const p of parts) {
        out.set(p, at)
        at += p.length
      }
      return out
    }
  }

  private recordings(): string[] {
    const dir = join(this.runDir, "rec")
    return readdirSync(dir)
      .filter((f) => f.endsWith("-dec.wav"))
      .map((f) => join(dir, f))
  }

  /** One command on baresip's control port (netstring JSON), e.g. `dial`, `uanew`, `uafind`, `hangup`. */
  command(command: string, params = ""): Promise<{ ok: boolean; data: string }> {
    return new Promise((ok, ko) => {
      const socket = connect(4444, "127.0.0.1")
      const json = JSON.stringify({ command, params, token: `t${Date.now()}` })
      let buf = ""
      const timer = setTimeout(() => {
        socket.destroy()
        ko(new Error(`baresip did not answer ${command}`))
      }, 5000)
      socket.on("data", (d) => {
        buf += d.toString()
        // Netstrings, one after the other: events ({"event":true}) may come before the command's response.
        for (;;) {
          const m = /^(\d+):/.exec(buf)
          if (!m || buf.length < m[0].length + Number(m[1]) + 1) return
          const body = JSON.parse(buf.slice(m[0].length, m[0].length + Number(m[1]))) as { response?: boolean; ok: boolean; data: string }
          buf = buf.slice(m[0].length + Number(m[1]) + 1)
          if (body.response) {
            clearTimeout(timer)
            socket.end()
            ok({ ok: body.ok, data: body.data })
            return
          }
        }
      })
      socket.on("error", (e) => {
        clearTimeout(timer)
        ko(e)
      })
      socket.write(`${Buffer.byteLength(json)}:${json},`)
    })
  }

  /**
   * Whether baresip still has a call (ringing out, or talking): after a call it placed was refused, whether its
   * caller still hears it ring. Polled, since ctrl_tcp sends its events to the newest control connection only (each command is one).
   */
  async callerHasCall(): Promise<boolean> {
    // "--- Active calls (0) ---" when it has none (baresip 1.0's menu).
    const r = await this.command("listcalls")
    return !/Active calls \(0\)/.test(r.data)
  }

  /** Makes baresip call `user` (registered at the lab's kamailio) from the number `from` (E.164). */
  async callFrom(from: string, user: string): Promise<void> {
    const aor = `sip:${from}@127.0.0.1:5090`
    // The caller's identity is a user agent of its own, created once per number.
    await this.command("uanew", `<${aor}>;regint=0`)
    const found = await this.command("uafind", aor)
    if (!found.ok) throw new Error(`baresip: no user agent ${aor}: ${found.data}`)
    const dialled = await this.command("dial", `sip:${user}@127.0.0.1:5060`)
    if (!dialled.ok) throw new Error(`baresip: dial failed: ${dialled.data}`)
  }
}
