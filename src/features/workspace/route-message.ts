/**
 * The background asks an open workspace tab to take a route (`workspace/open` from a page's card). Not a
 * contract entry: the contract is what the background answers; this is the background speaking to a page, like
 * `panel/toggle` to a content script.
 */
export const WORKSPACE_ROUTE_MESSAGE = "workspace/route"

export interface WorkspaceRouteReply {
  /** false: the tab holds unsaved work, and a new tab opens instead. */
  taken: boolean
}
