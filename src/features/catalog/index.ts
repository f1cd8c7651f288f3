export { CatalogSection } from "./catalog-section"
export { PriceSourceNote } from "./price-source-note"
