import { connect, createServer, type Socket } from "node:net"

/**
 * The browser's way to the team server through a relay the test can hold: while held, what the browser sends is
 * kept back, never passed on (the server's answers on streams already open still come back), so a request sent
 * then stays unanswered, as with a server that stopped answering. Released, the connections that sent something
 * meanwhile are cut and what they sent is dropped: the server never sees those requests, and whatever reaches it
 * afterwards was sent again by the browser.
 */
export interface HeldLink {
  /** http://127.0.0.1:<port>, to sign in to in place of the server's own address. */
  url: string
  hold(): void
  release(): void
  /** Requests (connections that sent something while held) dropped so far. */
  dropped(): number
  close(): Promise<void>
}

export async function startHeldLink(target: string): Promise<HeldLink> {
  const { hostname, port } = new URL(target)
  let holding = false
  let dropped = 0
  const links = new Set<{ client: Socket; upstream: Socket; held: boolean }>()
  const cut = (link: { client: Socket; upstream: Socket; held: boolean }) => {
    if (!links.delete(link)) return
    if (link.held) dropped++
    link.client.destroy()
    link.upstream.destroy()
  }
  const relay = createServer((client) => {
    const upstream = connect(Number(port), hostname)
    const link = { client, upstream, held: false }
    links.add(link)
    client.on("data", (chunk) => {
      if (holding) link.held = true
      else upstream.write(chunk)
    })
    upstream.on("data", (chunk) => client.write(chunk))
    for (const s of [client, upstream]) {
      s.on("close", () => cut(link))
      s.on("error", () => cut(link))
    }
  })
  await new Promise<void>((ok) => relay.listen(0, "127.0.0.1", ok))
  const a = relay.address()
  return {
    url: `http://127.0.0.1:${typeof a === "object" && a ? a.port : 0}`,
    hold: () => void (holding = true),
    release: () => {
      holding = false
      for (const link of [...links]) if (link.held) cut(link)
    },
    dropped: () => dropped,
    close: async () => {
      for (const link of [...links]) cut(link)
      await new Promise((ok) => relay.close(ok))
    }
  }
}
