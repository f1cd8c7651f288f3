export { decodeCsvBytes, CsvFileError, type CsvEncoding, type CsvFileErrorCode, type DecodedCsv } from "./decode"
export { createCsvReader, parseCsv, detectDelimiter, type CsvDelimiter, type CsvProblem, type CsvReader, type CsvReaderOptions, type CsvRow, type ParsedCsv } from "./parse"
export {
  autoMapCustomerHeaders,
  autoMapProductHeaders,
  missingCustomerFields,
  missingProductFields,
  CUSTOMER_FIELDS,
  PRODUCT_FIELDS,
  type ColumnMapping,
  type CustomerField,
  type HeaderMapping,
  type ProductField
} from "./headers"
export {
  createCustomerImporter,
  previewCustomers,
  type CustomerImporter,
  type CustomerImportOptions,
  type CustomerImportResult,
  type CustomerImportStats
} from "./customer-import"
export { mergeCustomer, type ImportedCustomer } from "./customer-merge"
export {
  createProductImporter,
  previewProducts,
  mergeProduct,
  type ImportedProduct,
  type ProductImporter,
  type ProductImportOptions,
  type ProductImportResult,
  type ProductImportStats
} from "./product-import"
export { importInSlices, type SliceOptions, type SliceReport } from "./slices"
export { exportCustomersCsv, exportProductsCsv, rejectedRowsCsv, demoCustomersCsv, type CsvWriteOptions } from "./export"
export { parseEuroCents, parseVatRateBp, formatCents, formatBpPercent, type Parsed } from "./money"
export type { ImportWarning, RejectCode, RejectedRow, RowIssue, WarningCode } from "./report"
