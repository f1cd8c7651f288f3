export { CatalogSection } from "./catalog-section"
export { PriceSourceNote, priceText } from "./price-source-note"
