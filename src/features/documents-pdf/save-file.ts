/**
 * Hands a file Comptoir made (a quote's PDF, an invoice's Factur-X) to the browser's downloads, and resolves only
 * once the browser has started that download: the caller says "downloaded" on it, never on a mere link click.
 *
 * Why not a link click: the quote form also runs in an extension frame over a web page (issue #10), and there
 * Chromium drops a link's download without an error once the click's user activation has lapsed (the PDF takes a
 * moment to lay out), so the agent was told "PDF downloaded" and got nothing. `chrome.downloads` starts the download
 * from the extension itself and says when it could not. Only the frame over a page takes that road: an extension
 * tab's link download works, keeps the file's name in every browser and needs nothing more; a page without the API
 * (a unit test's DOM) takes the link too.
 */
export async function saveFile(name: string, bytes: Uint8Array, type: string): Promise<string> {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }))
  try {
    const downloads = (globalThis as { chrome?: typeof chrome }).chrome?.downloads
    const framed = typeof window !== "undefined" && window.top !== window.self
    if (framed && downloads?.download) {
      // Resolves with the download's id once it started; rejects (the agent is told why) when the browser refused it.
      await downloads.download({ url, filename: name })
      return name
    }
    const a = document.createElement("a")
    a.href = url
    a.download = name
    document.body.append(a)
    a.click()
    a.remove()
    return name
  } finally {
    // The browser reads the blob after the download started; a minute is ample and frees it in a long-lived frame.
    setTimeout(() => URL.revokeObjectURL(url), 60_000)
  }
}
