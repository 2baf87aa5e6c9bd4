export { brands, catalogImports, productImages, products, variants, PRODUCT_STATUSES, type ProductStatus } from './catalog.tables.js';
export { catalogRoutes } from './catalog.routes.js';
export { catalogImportRoutes } from './import/import.routes.js';
export { createCatalogImportService, type CatalogImportService } from './import/import.service.js';
export { DEFAULT_STOCK, importCatalogFeed, type CatalogImportOptions } from './import/import-feed.js';
export type { ImportReport } from './import/import-report.js';
export { categorySearchText, searchVectorSql } from './import/search-vector.js';
export { createCatalogService, toSummary, blobUrl, type CatalogService } from './catalog.service.js';
export { catalogEvents, type ProductReleased, type ProductStatusChanged, type StockChanged } from './catalog.events.js';
export { productSummary, type Money, type ProductDetail, type ProductSummary } from './catalog.schemas.js';
export { canBuy, canSee, effectiveStatus, visibleCondition, visibleStatuses } from './visibility.js';
export {
  lookupVariants,
  restoreStock,
  settleSoldOut,
  settleStock,
  takeStock,
  toTextArray,
  totalsBySku,
  type Shortfall,
  type StockLine,
  type VariantInfo,
} from './stock.js';
