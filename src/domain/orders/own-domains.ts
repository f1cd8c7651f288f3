/**
 * The team's own mail domains, which the extractor needs to tell our people's text from the customer's (a rep's
 * "à saisir" forward, our quoted reply under the customer's answer, a colleague's internal note). Read from the
 * signed-in agent's address: a free-mail provider's domain is never ours, or every customer writing from Gmail
 * would be taken for a colleague.
 */
const FREE_MAIL = /^(gmail|googlemail|outlook|hotmail|live|msn|yahoo|ymail|icloud|me|mac|aol|gmx|web|proton|protonmail|pm|mail|zoho|yandex|orange|wanadoo|free|laposte|sfr|neuf|bbox|numericable|btinternet|sky|virginmedia|comcast|verizon|att)\.[a-z.]+$/

export function ownDomainsOf(addresses: ReadonlyArray<string | null | undefined>): string[] {
  const domains = new Set<string>()
  for (const address of addresses) {
    const domain = /@([\w-]+(?:\.[\w-]+)+)\s*$/.exec(address?.trim() ?? "")?.[1]?.toLowerCase()
    if (domain && !FREE_MAIL.test(domain)) domains.add(domain)
  }
  return [...domains]
}
