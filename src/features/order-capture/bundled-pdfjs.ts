import { definePDFJSModule } from "unpdf"
import * as serverlessPdfjs from "unpdf/pdfjs"

let ready: Promise<void> | null = null

/**
 * Hands unpdf its PDF.js in the extension's background: unpdf's own lookup is a dynamic import(), which a Chrome
 * service worker refuses, so the module is bundled in statically (package.json's "alias" points Parcel at
 * `unpdf/pdfjs`, as Parcel does not read package exports). Node (the CLI, the bench) keeps unpdf's own lookup:
 * this subpath is ESM-only, and tsx runs those scripts as CommonJS.
 */
export function provideBundledPdfjs(): Promise<void> {
  ready ??= definePDFJSModule(() => Promise.resolve(serverlessPdfjs))
  return ready
}
