import { EventEmitter } from "node:events"

/**
 * In-process fan-out of "team T is now at version V" to the SSE streams of this server. One process is
 * enough for a team server; several instances would relay it through PostgreSQL LISTEN/NOTIFY.
 */
export class PokeBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0)

  publish(teamId: string, version: number): void {
    this.emitter.emit(teamId, version)
  }

  subscribe(teamId: string, listener: (version: number) => void): () => void {
    this.emitter.on(teamId, listener)
    return () => this.emitter.off(teamId, listener)
  }
}
