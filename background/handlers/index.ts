import type { Handler } from "~src/messaging/handler"

import { authChangePassword } from "./auth/change-password"
import { authLogin } from "./auth/login"
import { authLogout } from "./auth/logout"
import { conflictsList } from "./conflicts/list"
import { conflictsResolve } from "./conflicts/resolve"
import { customersChanged } from "./customers/changed"
import { customersCount } from "./customers/count"
import { customersGet } from "./customers/get"
import { customersOpened } from "./customers/opened"
import { customersRecent } from "./customers/recent"
import { lookupMatch } from "./lookup/match"
import { sidePanelOpen } from "./panel/open-side"
import { panelView } from "./panel/view"
import { productsSearch } from "./products/search"
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
import { workspaceOpen } from "./workspace/open"

/** Every handler of the contract; a test checks that each contract entry has exactly one here. */
export const handlers: readonly Handler[] = [
  lookupMatch,
  searchQuery,
  customersRecent,
  customersOpened,
  customersGet,
  workspaceOpen,
  customersChanged,
  customersCount,
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
  // Orders from email (issue #11)
  ordersExtract,
  ordersCapture,
  ordersConfirm,
  ordersByCustomer
] as unknown as readonly Handler[]
