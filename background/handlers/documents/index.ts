import { documentsAct } from "./act"
import { documentsDunningSettings } from "./dunning-settings"
import { documentsGet } from "./get"
import { documentsList } from "./list"
import { documentsSummary } from "./summary"

/** Quote to cash (issue #10): the workspace's lists, the document view and its steps, the card's block. */
export const documentsHandlers = [documentsList, documentsGet, documentsAct, documentsSummary, documentsDunningSettings] as const
