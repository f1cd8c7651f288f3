import "~src/ui/comptoir.css"

import { PopupApp } from "~src/features/popup/popup-app"

export default PopupApp
