import { createProviderHost, type HostReport, type ProviderHost } from "./provider-host"

/** Below Firefox's idle timeout for event pages (30 s, `extensions.background.idle.timeout`). */
export const KEEPALIVE_MS = 5_000

/**
 * Firefox (MV3) has no offscreen document: its background is an event page with a DOM, where WebRTC runs, so
 * the provider host lives there and the controller calls it directly. Firefox suspends an idle event page
 * (an open WebSocket or a call does not count as activity) and that would drop the registration and the call:
 * while a provider is started, an extension API call every few seconds resets the idle timer.
 */
export function createBackgroundHost(report: HostReport): ProviderHost {
  const host = createProviderHost(report)
  let timer: ReturnType<typeof setInterval> | null = null
  const keepAlive = () => {
    if (host.started() && !timer) timer = setInterval(() => void chrome.runtime.getPlatformInfo().catch(() => undefined), KEEPALIVE_MS)
    else if (!host.started() && timer) {
      clearInterval(timer)
      timer = null
    }
  }
  return {
    ...host,
    run: async (cmd) => {
      try {
        return await host.run(cmd)
      } finally {
        keepAlive()
      }
    }
  }
}
