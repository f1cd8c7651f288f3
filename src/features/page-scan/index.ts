export { ATTRIBUTE, HIT_CLASS, STYLE_ID } from "./dom-rules"
export {
  INITIAL_MEASURE,
  SLICE_MEASURE,
  startPageScanner,
  type FoundItem,
  type PageScanner,
  type PageScannerOptions,
  type ScanStats
} from "./page-scanner"
