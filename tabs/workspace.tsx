import "~src/ui/comptoir.css"

import { prefetchQuoteHandoff } from "~src/features/quotes/quote-handoff"
import { WorkspaceApp } from "~src/features/workspace/workspace-app"

// Opened on a new quote (a card's "New quote", no workspace tab open): its lookups leave before React mounts.
prefetchQuoteHandoff(location.hash)

export default WorkspaceApp
