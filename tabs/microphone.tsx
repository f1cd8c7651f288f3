import "~src/ui/comptoir.css"

import { MicrophonePage } from "~src/features/softphone/microphone-page"

export default MicrophonePage
