// Generated product images for the demo world: a spec per product, drawn as SVG and encoded by sharp.
export { renderProductImage, renderSilhouetteMask, productSvg, garmentSvg, IMAGE_WIDTH, IMAGE_HEIGHT, CANVAS_WIDTH, CANVAS_HEIGHT, JPEG_QUALITY, type RenderedImage, type GarmentSvg, type PrintTile } from './render.js';
export { productLook, seededRng, allCutSpecs, isImageCategory, type Rng } from './plan.js';
export { CUTS, CUT_DETAILS, PATTERNS, DETAILS, silhouetteKey, nearTwin, type ProductImageSpec, type Pattern, type Detail, type ImageCategory } from './spec.js';
