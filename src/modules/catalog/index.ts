export { brands, catalogImports, productImages, products, variants, PRODUCT_STATUSES, type ProductStatus } from './catalog.tables.js';
export { canBuy, canSee, effectiveStatus, visibleCondition, visibleStatuses } from './visibility.js';
export {
  lookupVariants,
  restoreStock,
  settleSoldOut,
  takeStock,
  toTextArray,
  totalsBySku,
  type Shortfall,
  type StockLine,
  type VariantInfo,
} from './stock.js';
