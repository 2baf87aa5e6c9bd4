/**
 * nsfwjs's bundled MobileNetV2 and MobileNetV2Mid (224×224 RGB in, 5 classes out), loaded fast and
 * used twice: the head for moderation and the pooled feature before it (MobileNetV2 `flatten_1`,
 * 1280-d; MobileNetV2Mid `…/Logits/AvgPool`, 1792-d) as an image embedding. nsfwjs's own `load()` decodes the base64 shards byte by byte (~8 s); reading the same
 * files with `Buffer.from(…, 'base64')` and `tf.io.fromMemory` takes ~0.1–0.3 s with identical output.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { initTensorflow, tf } from './tensorflow.js';

const require = createRequire(import.meta.url);

export const NSFW_CLASSES = ['Drawing', 'Hentai', 'Neutral', 'Porn', 'Sexy'] as const;
export type NsfwClass = (typeof NSFW_CLASSES)[number];
export type NsfwScores = Record<NsfwClass, number>;

/** Raw interleaved RGB pixels, 3 bytes a pixel, row by row. */
export interface RgbImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** One forward pass: the class probabilities and the L2-normalised embedding. */
export interface ImageAnalysis {
  scores: NsfwScores;
  embedding: Float32Array;
}

export interface NsfwModel {
  /** Names the embedding space: vectors from different models never mix. */
  readonly name: string;
  /** The side of the square input; other sizes are resized bilinearly. */
  readonly inputSize: number;
  readonly embeddingDimensions: number;
  /** Classifies and embeds images in batches; calls made together share a forward pass. */
  analyse(images: readonly RgbImage[]): Promise<ImageAnalysis[]>;
  classify(image: RgbImage): Promise<NsfwScores>;
  embed(image: RgbImage): Promise<Float32Array>;
}

const INPUT_SIZE = 224;
const MAX_BATCH = 8;

interface ModelFiles {
  modelTopology: object;
  weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
}

/** The bundled models usable here: MobileNetV2 (a layers model) and MobileNetV2Mid (a graph model). */
export type NsfwVariant = 'mobilenet_v2' | 'mobilenet_v2_mid';

function modelFolder(variant: NsfwVariant): string {
  // The package exports no package.json: its main entry is dist/cjs/index.js, the models sit in dist/models.
  return path.join(path.dirname(require.resolve('nsfwjs')), '..', 'models', variant);
}

function readModel(variant: NsfwVariant): tf.io.ModelArtifacts {
  const dir = modelFolder(variant);
  const files = require(path.join(dir, 'model.min.js')) as ModelFiles;
  const manifest = files.weightsManifest[0]!;
  const shards = manifest.paths.map((p) => Buffer.from(require(path.join(dir, `${p}.min.js`)) as string, 'base64'));
  const weights = Buffer.concat(shards);
  const weightData = weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength);
  return { modelTopology: files.modelTopology, weightSpecs: manifest.weights, weightData };
}

/** A forward pass: pooled features [n, d] and class probabilities [n, 5]. */
type Forward = (input: tf.Tensor4D) => [tf.Tensor2D, tf.Tensor2D];

const MID_PREFIX = 'StatefulPartitionedCall/sequential/';
const MID_POOL = `${MID_PREFIX}keras_layer/StatefulPartitionedCall/StatefulPartitionedCall/StatefulPartitionedCall/predict/MobilenetV2/Logits/AvgPool`;
const MID_SOFTMAX = `${MID_PREFIX}prediction/Softmax`;

async function loadForward(variant: NsfwVariant): Promise<{ forward: Forward; dimensions: number; layer: string }> {
  if (variant === 'mobilenet_v2') {
    const layers = await tf.loadLayersModel(tf.io.fromMemory(readModel(variant)));
    const pooled = layers.getLayer('flatten_1').output as tf.SymbolicTensor;
    const both = tf.model({ inputs: layers.inputs, outputs: [pooled, layers.outputs[0]!] });
    return { forward: (input) => both.predict(input) as [tf.Tensor2D, tf.Tensor2D], dimensions: pooled.shape[1]!, layer: 'flatten_1' };
  }
  const graph = await tf.loadGraphModel(tf.io.fromMemory(readModel(variant)));
  const forward: Forward = (input) =>
    tf.tidy(() => {
      const [pool, softmax] = graph.execute(input, [MID_POOL, MID_SOFTMAX]) as tf.Tensor[];
      return [pool!.reshape([input.shape[0], -1]), softmax!.reshape([input.shape[0], -1])];
    });
  const probe = tf.zeros<tf.Rank.R4>([1, INPUT_SIZE, INPUT_SIZE, 3]);
  const [f, p] = forward(probe);
  const dimensions = f.shape[1];
  tf.dispose([probe, f, p]);
  return { forward, dimensions, layer: 'avgpool' };
}

function toInput(images: readonly RgbImage[]): tf.Tensor4D {
  return tf.tidy(() => {
    const each = images.map((image) => {
      if (image.data.length !== image.width * image.height * 3) throw new Error(`expected ${image.width}×${image.height} RGB pixels`);
      const pixels = tf.tensor3d(image.data, [image.height, image.width, 3], 'int32').toFloat().div<tf.Tensor3D>(255);
      return image.width === INPUT_SIZE && image.height === INPUT_SIZE ? pixels : tf.image.resizeBilinear(pixels, [INPUT_SIZE, INPUT_SIZE], true);
    });
    return tf.stack(each) as tf.Tensor4D;
  });
}

function normalise(vector: Float32Array): Float32Array {
  let sum = 0;
  for (const v of vector) sum += v * v;
  const norm = Math.sqrt(sum) || 1;
  for (let i = 0; i < vector.length; i++) vector[i]! /= norm;
  return vector;
}

interface Pending {
  image: RgbImage;
  resolve: (analysis: ImageAnalysis) => void;
  reject: (error: unknown) => void;
}

function createModel(variant: NsfwVariant, forward: Forward, dimensions: number, layer: string): NsfwModel {
  const queue: Pending[] = [];
  let running = false;

  async function run(batch: Pending[]): Promise<void> {
    const input = toInput(batch.map((p) => p.image));
    const [features, probabilities] = forward(input);
    input.dispose();
    try {
      const [f, p] = await Promise.all([features.data<'float32'>(), probabilities.data<'float32'>()]);
      batch.forEach((pending, i) => {
        const scores = Object.fromEntries(NSFW_CLASSES.map((name, c) => [name, p[i * NSFW_CLASSES.length + c]!])) as NsfwScores;
        pending.resolve({ scores, embedding: normalise(f.slice(i * dimensions, (i + 1) * dimensions)) });
      });
    } finally {
      features.dispose();
      probabilities.dispose();
    }
  }

  // One model, one forward pass at a time; requests that arrive meanwhile go into the next batch.
  async function drain(): Promise<void> {
    if (running) return;
    running = true;
    try {
      while (queue.length > 0) {
        const batch = queue.splice(0, MAX_BATCH);
        await run(batch).catch((error: unknown) => batch.forEach((p) => p.reject(error)));
        // Let the event loop answer other requests between batches.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      running = false;
    }
  }

  function analyse(images: readonly RgbImage[]): Promise<ImageAnalysis[]> {
    const all = images.map((image) => new Promise<ImageAnalysis>((resolve, reject) => queue.push({ image, resolve, reject })));
    void drain();
    return Promise.all(all);
  }

  return {
    name: `nsfwjs-${variant}-${layer}`,
    inputSize: INPUT_SIZE,
    embeddingDimensions: dimensions,
    analyse,
    async classify(image) {
      return (await analyse([image]))[0]!.scores;
    },
    async embed(image) {
      return (await analyse([image]))[0]!.embedding;
    },
  };
}

const shared = new Map<NsfwVariant, Promise<NsfwModel>>();

/**
 * The process's one instance of a bundled model (loaded on first use in 0.1–0.4 s; later calls share
 * it). MobileNetV2 moderates; MobileNetV2Mid's 1792-d pool embeds better for garments (on composed
 * member photos of 40 products its embedding alone ranked the right product first 24 times, MobileNetV2's 13).
 */
export function loadNsfwModel(variant: NsfwVariant = 'mobilenet_v2'): Promise<NsfwModel> {
  let model = shared.get(variant);
  if (!model) {
    model = (async () => {
      await initTensorflow();
      const { forward, dimensions, layer } = await loadForward(variant);
      return createModel(variant, forward, dimensions, layer);
    })();
    shared.set(variant, model);
    model.catch(() => shared.delete(variant));
  }
  return model;
}
