// The baseline the page-scan figures are compared with (DESIGN.md): one synchronous pass over every text
// node with libphonenumber-js, no prefilter, no slicing. Bundled by esbuild and injected into the page.
import { findPhoneNumbersInText } from "libphonenumber-js"

declare global {
  interface Window {
    __baselineScan(): { ms: number; phones: number; emails: number }
  }
}

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g

window.__baselineScan = () => {
  const t0 = performance.now()
  let phones = 0
  let emails = 0
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.nodeValue ?? ""
    if (text.trim().length < 5) continue
    phones += findPhoneNumbersInText(text, "FR").length
    emails += (text.match(EMAIL) ?? []).length
  }
  return { ms: performance.now() - t0, phones, emails }
}
