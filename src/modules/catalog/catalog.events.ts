import type { ProductStatus } from './catalog.tables.js';

/** Events the catalogue publishes (through the outbox). */
export const catalogEvents = {
  productStatusChanged: 'catalog.product_status_changed',
  productReleased: 'catalog.product_released',
  stockChanged: 'catalog.stock_changed',
  brandChanged: 'catalog.brand_changed',
} as const;

export interface ProductStatusChanged {
  product_id: string;
  from: ProductStatus;
  to: ProductStatus;
  release_at: string | null;
  by: string | null;
}

/** An early-access product reached its release time (now live, or sold out). */
export interface ProductReleased {
  product_id: string;
  status: ProductStatus;
}

export interface StockChanged {
  product_id: string;
  sku: string;
  from: number;
  to: number;
  by: string;
}

/** A brand's name, story or logo changed. */
export interface BrandChanged {
  slug: string;
  fields: string[];
  by: string;
}
