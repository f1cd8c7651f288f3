import "~src/ui/comptoir.css"

import { WorkspaceApp } from "~src/features/workspace/workspace-app"

export default WorkspaceApp
