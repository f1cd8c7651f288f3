import { AsyncLocalStorage } from "node:async_hooks"

import type { FastifyInstance } from "fastify"

/**
 * Where a request's time goes, for profiling a burst (issue #10): with `TIMING_LOG=<file>` each request of the
 * sync routes appends one JSON line of its phases (ms since it arrived): body parsed, checked, signed in, the
 * handler's own marks (`timingMark`), the reply serialized, sent. Off (the default), nothing is recorded.
 */
const store = new AsyncLocalStorage<Map<string, number>>()

/** Records a phase of the current request, when timing is on. */
export function timingMark(phase: string): void {
  const marks = store.getStore()
  marks?.set(phase, performance.now())
}

export function installRequestTiming(app: FastifyInstance, file: string | undefined): void {
  if (!file) return
  const lines: string[] = []
  const started = new WeakMap<object, Map<string, number>>()
  app.addHook("onRequest", (req, _reply, done) => {
    if (!req.url.startsWith("/sync/")) return done()
    const marks = new Map([["arrived", performance.now()]])
    started.set(req, marks)
    store.run(marks, done)
  })
  const at = (phase: string) => (req: object, _reply: unknown, ...rest: unknown[]) => {
    started.get(req)?.set(phase, performance.now())
    ;(rest.at(-1) as () => void)()
  }
  app.addHook("preValidation", at("parsed"))
  app.addHook("preHandler", at("checked"))
  app.addHook("onSend", (req, _reply, payload, done) => {
    started.get(req)?.set("serialized", performance.now())
    done(null, payload)
  })
  app.addHook("onResponse", (req, reply, done) => {
    const marks = started.get(req)
    if (marks) {
      const t0 = marks.get("arrived")!
      const phases = Object.fromEntries([...marks].map(([k, v]) => [k, Math.round((v - t0) * 100) / 100]))
      lines.push(JSON.stringify({ at: Math.round(t0), route: req.routeOptions.url, status: reply.statusCode, ...phases, sent: Math.round((performance.now() - t0) * 100) / 100 }))
    }
    done()
  })
  app.addHook("onClose", async () => {
    const { appendFileSync } = await import("node:fs")
    appendFileSync(file, lines.join("\n") + "\n")
  })
}
