import type { Handler } from "~src/messaging/handler"

import { conflictsList } from "./conflicts/list"
import { conflictsResolve } from "./conflicts/resolve"
import { customersChanged } from "./customers/changed"
import { customersCount } from "./customers/count"
import { customersOpened } from "./customers/opened"
import { customersRecent } from "./customers/recent"
import { lookupMatch } from "./lookup/match"
import { productsSearch } from "./products/search"
import { searchQuery } from "./search/query"
import { sitesDisable } from "./sites/disable"
import { sitesEnable } from "./sites/enable"
// --- issue 8: change one's own password ---
import { authChangePassword } from "./auth/change-password"
import { authLogin } from "./sync/login"
import { authLogout } from "./sync/logout"
import { syncNow } from "./sync/now"
import { syncStatusHandler } from "./sync/status"

/** Every handler of the contract; a test checks that each contract entry has exactly one here. */
export const handlers: readonly Handler[] = [
  lookupMatch,
  searchQuery,
  customersRecent,
  customersOpened,
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
  // --- issue 8 ---
  authChangePassword
] as unknown as readonly Handler[]
