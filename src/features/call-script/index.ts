export { CallScriptPanel } from "./call-script-panel"
export { ScriptsSection } from "./scripts-section"
export { openScriptFor } from "./use-scripts"
