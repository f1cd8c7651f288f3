import "~src/ui/comptoir.css"

import { OptionsApp } from "~src/features/options/options-app"

export default OptionsApp
