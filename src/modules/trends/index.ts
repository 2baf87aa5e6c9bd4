export { trendAlerts, trendAlertActions, trendAlertHistory, trendWatermarks } from './trends.tables.js';
export { createTrendsService, type TrendsDeps, type TrendsService } from './trends.service.js';
export { trendsRoutes, type TrendsRoutesOptions } from './trends.routes.js';
export { parsePartition, trendEventOf, TrendsProjection, type Partition, type TrendsProjectionOptions } from './projection.js';
export { TrendDetector, type DetectorOptions } from './detector/detector.js';
export type { AlertChange, DetectedAlert, TrendEvent } from './detector/types.js';
export { suggestReorderQuantity } from './inventory.js';
