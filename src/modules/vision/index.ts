// Visual search: moderation of member images, product descriptors and the similarity index,
// "similar products" and "shop the photo".
export { productEmbeddings } from './vision.tables.js';
export { visionRoutes, MAX_PHOTO_BYTES } from './vision.routes.js';
export {
  createVisionService,
  DEFAULT_K,
  type SimilarProduct,
  type VisionDeps,
  type VisionService,
  type VisualSearchResult,
  type VisualSearchTimings,
} from './vision.service.js';
export { moderateImage, decideModeration, DEFAULT_MODERATION_THRESHOLD, MODERATION_MODEL, type ModerationOptions, type ModerationResult } from './moderation.js';
export { decodeImage, MAX_INPUT_PIXELS, type DecodedImage, type Region } from './decode.js';
export { describeProductImage, describeRegions, joinVector, type ImageDescriptor } from './descriptors.js';
export { analyseColour, type ColourAnalysis, type PaletteEntry } from './colour.js';
export { candidateRegions } from './recognition.js';
export { shopThePhoto, fuseRankings, SHOP_DEFAULTS, type ShopDeps, type ShopResult, type PhotoRegion, type Recognition } from './pipeline.js';
export type { IndexProgress, VisionIndexer } from './indexer.js';
