import "~src/ui/comptoir.css"

import { QuoteFrameApp, startQuoteFrame } from "~src/features/quotes/quote-frame-app"

// The quote form over a page (issue #10): the ticket is presented before React mounts.
startQuoteFrame()

export default QuoteFrameApp
