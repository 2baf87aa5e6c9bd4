/**
 * What the similarity index compares: a CNN embedding of the garment (the 1792-d average pool of
 * nsfwjs's MobileNetV2Mid, which ranked garments better than MobileNetV2's 1280-d feature) joined
 * with its colour histogram. Both parts are unit vectors; weighting them by
 * √(1−w) and √w makes the cosine of two joined vectors (1−w)·cos(CNN) + w·cos(colour), so one ANN
 * search already ranks by shape and colour together.
 */
import { loadNsfwModel, type NsfwModel, type NsfwVariant } from '../../platform/ml/index.js';
import { analyseColour, COLOUR_DIMENSIONS, type ColourAnalysis, type PaletteEntry } from './colour.js';
import { cropToSquare, decodeImage, type DecodedImage, type Region } from './decode.js';
import { CATALOGUE_OPTIONS, extractProductFeatures, serialiseFeatures } from './verify/features.js';

/** The bundled model whose pooled feature is the embedding. */
export const EMBEDDING_VARIANT: NsfwVariant = 'mobilenet_v2_mid';

/** The colour histogram's share of the joined cosine (0.35 ranked best of 0.2–0.65 on composed member photos). */
export const COLOUR_WEIGHT = 0.35;

export interface ImageDescriptor {
  /** L2-normalised CNN embedding. */
  embedding: Float32Array;
  colour: ColourAnalysis;
  /** The region of the image described. */
  region: Region;
}

/** The vector space's name: model, layer, colour layout and weight. Vectors of other spaces are rebuilt. */
export function vectorSpace(model: NsfwModel): string {
  return `${model.name}+hsv${COLOUR_DIMENSIONS}@${COLOUR_WEIGHT}+${LOCAL_FEATURES_VERSION}`;
}

/** Names how catalogue images' local features are computed (ORB settings); a change recomputes them. */
export const LOCAL_FEATURES_VERSION = `orb${CATALOGUE_OPTIONS.features}e${CATALOGUE_OPTIONS.maxEdge}l${CATALOGUE_OPTIONS.levels}`;

export function joinedDimensions(model: NsfwModel): number {
  return model.embeddingDimensions + COLOUR_DIMENSIONS;
}

/** The index's vector: the embedding and the histogram, weighted (unit length when both are). */
export function joinVector(embedding: Float32Array, hist: ArrayLike<number>): Float32Array {
  const out = new Float32Array(embedding.length + COLOUR_DIMENSIONS);
  const a = Math.sqrt(1 - COLOUR_WEIGHT);
  const b = Math.sqrt(COLOUR_WEIGHT);
  for (let i = 0; i < embedding.length; i++) out[i] = embedding[i]! * a;
  for (let i = 0; i < COLOUR_DIMENSIONS; i++) out[embedding.length + i] = (hist[i] ?? 0) * b;
  return out;
}

/** A box grown by `margin` of its size on each side, kept inside the image. */
export function grow(box: Region, margin: number, image: { width: number; height: number }): Region {
  const x = Math.max(0, box.x - box.w * margin);
  const y = Math.max(0, box.y - box.h * margin);
  return { x, y, w: Math.min(image.width, box.x + box.w * (1 + margin)) - x, h: Math.min(image.height, box.y + box.h * (1 + margin)) - y };
}

/** Describes regions of one image in one batch through the model. */
export async function describeRegions(model: NsfwModel, image: DecodedImage, regions: readonly Region[], palette: readonly PaletteEntry[]): Promise<ImageDescriptor[]> {
  const inputs = await Promise.all(regions.map((region) => cropToSquare(image, region, model.inputSize)));
  const analyses = await model.analyse(inputs);
  return regions.map((region, i) => ({ embedding: analyses[i]!.embedding, colour: analyseColour(image, palette, region), region }));
}

/**
 * A catalogue image's descriptor: the garment cut out of its plain background (a little margin
 * kept), so it compares with the same garment found inside a member's photo.
 */
export async function describeProductImage(bytes: Buffer, palette: readonly PaletteEntry[], model?: NsfwModel): Promise<ImageDescriptor> {
  return describeGarment(bytes, palette, model);
}

/** A catalogue image's descriptor and its serialised local features (ORB), for the index and the exact check. */
export async function describeCatalogueImage(bytes: Buffer, palette: readonly PaletteEntry[], model?: NsfwModel): Promise<ImageDescriptor & { localFeatures: Buffer | undefined }> {
  const described = await describeGarment(bytes, palette, model);
  const features = await extractProductFeatures(bytes);
  return { ...described, localFeatures: features.descriptors.length === 0 ? undefined : serialiseFeatures(features) };
}

async function describeGarment(bytes: Buffer, palette: readonly PaletteEntry[], model?: NsfwModel): Promise<ImageDescriptor> {
  const nsfw = model ?? (await loadNsfwModel(EMBEDDING_VARIANT));
  const image = await decodeImage(bytes);
  const whole = analyseColour(image, palette);
  const region = whole.box ? grow(whole.box, 0.04, image) : { x: 0, y: 0, w: image.width, h: image.height };
  const [described] = await describeRegions(nsfw, image, [region], palette);
  return described!;
}
