import { createServer, type Server } from "node:net"

import { afterEach, describe, expect, it } from "vitest"

import { imapInboxCount } from "../e2e/roundcube/server"

/** A loopback IMAP server answering LOGIN and SELECT as told, enough for the Roundcube fixture's start-up check. */
async function fakeImap(answers: { login: string; select: string }): Promise<{ server: Server; port: number; commands: string[] }> {
  const commands: string[] = []
  const server = createServer((socket) => {
    socket.write("* OK Dovecot ready.\r\n")
    socket.on("data", (b: Buffer) => {
      for (const line of b.toString().split("\r\n").filter(Boolean)) {
        commands.push(line)
        const [tag, verb] = line.split(" ")
        if (verb === "LOGIN") socket.write(`${tag} ${answers.login}\r\n`)
        else if (verb === "SELECT") socket.write(`${answers.select.replaceAll("TAG", tag!)}\r\n`)
        else if (verb === "LOGOUT") socket.end(`* BYE\r\n${tag} OK Logout completed.\r\n`)
      }
    })
  })
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok))
  const address = server.address()
  return { server, port: typeof address === "object" && address ? address.port : 0, commands }
}

describe("the Roundcube fixture's check that Dovecot serves the seeded mail", () => {
  let server: Server | undefined
  afterEach(() => server?.close())

  it("signs in as the agent, opens the INBOX and reads how many messages it holds", async () => {
    const imap = await fakeImap({ login: "OK Logged in", select: "* FLAGS (\\Seen)\r\n* 2 EXISTS\r\n* 0 RECENT\r\nTAG OK [READ-WRITE] Select completed." })
    server = imap.server
    expect(await imapInboxCount(imap.port)).toBe(2)
    expect(imap.commands.slice(0, 2)).toEqual([`a1 LOGIN "agent@comptoir-demo.test" "comptoir-e2e"`, "a2 SELECT INBOX"])
  })

  it("fails with Dovecot's answer when the agent's sign-in is refused", async () => {
    const imap = await fakeImap({ login: "NO [AUTHENTICATIONFAILED] Authentication failed.", select: "" })
    server = imap.server
    await expect(imapInboxCount(imap.port)).rejects.toThrow(/refused the agent's LOGIN[\s\S]*AUTHENTICATIONFAILED/)
  })

  it("fails when the INBOX cannot be opened", async () => {
    const imap = await fakeImap({ login: "OK Logged in", select: "TAG NO Mailbox doesn't exist: INBOX" })
    server = imap.server
    await expect(imapInboxCount(imap.port)).rejects.toThrow(/could not open the INBOX/)
  })
})
