import "~src/ui/comptoir.css"

import { SoftphonePage } from "~src/features/softphone/softphone-page"

export default SoftphonePage
