import type { Handler } from "~src/messaging/handler"

import { authChangePassword } from "./auth/change-password"
import { authLogin } from "./auth/login"
import { authLogout } from "./auth/logout"
import { callsLate } from "./calls/late"
import { callsLog } from "./calls/log"
import { callsRecent } from "./calls/recent"
import { catalogHandlers } from "./catalog"
import { callsTimeline } from "./calls/timeline"
import { conflictsList } from "./conflicts/list"
import { conflictsResolve } from "./conflicts/resolve"
import { customersChanged } from "./customers/changed"
import { customersCount } from "./customers/count"
import { customersList } from "./customers/list"
import { customersCreate } from "./customers/create"
import { customersEditRights, customersUpdate } from "./customers/update"
import { customersGet } from "./customers/get"
import { customersOpened } from "./customers/opened"
import { customersRecent } from "./customers/recent"
import { documentsHandlers } from "./documents"
import { lookupMatch } from "./lookup/match"
import { outcomeDiscard } from "./outcome/discard"
import { outcomeDraft } from "./outcome/draft"
import { outcomeKeep } from "./outcome/keep"
import { outcomePending } from "./outcome/pending"
import { sidePanelOpen } from "./panel/open-side"
import { panelView } from "./panel/view"
import { productsSearch } from "./products/search"
import { scriptsHandlers } from "./scripts"
import { documentsInsertIntoReply } from "./documents/insert-into-reply"
import { documentsRisk } from "./documents/risk"
import { quotesContext } from "./quotes/context"
import { quoteFrameAttach, quoteFrameEvent, quoteFrameOpen } from "./quotes/frame"
import { quotesGet } from "./quotes/get"
import { quotesIssue } from "./quotes/issue"
import { quotesList } from "./quotes/list"
import { quotesSave } from "./quotes/save"
import { teamReps } from "./team/reps"
import { teamSeller } from "./team/seller"
import { teamSellerSave } from "./team/seller-save"
import { searchQuery } from "./search/query"
import { sitesDisable } from "./sites/disable"
import { sitesEnable } from "./sites/enable"
import { softphoneHandlers } from "./softphone"
import { syncNow } from "./sync/now"
import { syncStatusHandler } from "./sync/status"
import { ordersByCustomer } from "./orders/by-customer"
import { ordersCapture } from "./orders/capture"
import { ordersConfirm } from "./orders/confirm"
import { ordersExtract } from "./orders/extract"
import { ordersPrice } from "./orders/price"
import { quotesHandoff, quotesPrepare, workspaceOpen } from "./workspace/open"

/** Every handler of the contract; a test checks that each contract entry has exactly one here. */
export const handlers: readonly Handler[] = [
  lookupMatch,
  searchQuery,
  customersRecent,
  customersOpened,
  customersGet,
  workspaceOpen,
  quotesPrepare,
  quotesHandoff,
  quoteFrameOpen,
  quoteFrameAttach,
  quoteFrameEvent,
  customersChanged,
  customersCount,
  customersList,
  customersCreate,
  customersUpdate,
  customersEditRights,
  productsSearch,
  sitesEnable,
  sitesDisable,
  syncStatusHandler,
  syncNow,
  authLogin,
  authLogout,
  conflictsList,
  conflictsResolve,
  authChangePassword,
  panelView,
  sidePanelOpen,
  // Softphone (issue #9)
  ...softphoneHandlers,
  // Call scripts (issue #9)
  ...scriptsHandlers,
  // Quotes (issue #10)
  quotesContext,
  quotesGet,
  quotesSave,
  quotesIssue,
  quotesList,
  documentsRisk,
  documentsInsertIntoReply,
  teamReps,
  teamSeller,
  teamSellerSave,
  // Call outcomes (issue #9)
  callsLog,
  callsTimeline,
  callsLate,
  callsRecent,
  outcomeDraft,
  outcomeKeep,
  outcomeDiscard,
  outcomePending,
  // Quote to cash (issue #10)
  ...documentsHandlers,
  // Orders from email (issue #11)
  ordersExtract,
  ordersCapture,
  ordersConfirm,
  ordersPrice,
  ordersByCustomer,
  // Catalog and customers' prices (issue #10)
  ...catalogHandlers
] as unknown as readonly Handler[]
