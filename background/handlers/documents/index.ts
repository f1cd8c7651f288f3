import { documentsAct } from "./act"
import { documentsDunningSettings } from "./dunning-settings"
import { documentsGet } from "./get"
import { documentsList } from "./list"
import { documentsSummary } from "./summary"
import { documentsTimeline } from "./timeline"

/** Quote to cash (issue #10): the workspace's lists, the document view and its steps, the card's block and timeline. */
export const documentsHandlers = [documentsList, documentsGet, documentsAct, documentsSummary, documentsTimeline, documentsDunningSettings] as const
