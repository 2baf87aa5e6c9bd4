// OpenCV compiled to WebAssembly, loaded once. The package's own typings describe the whole library
// loosely; this file types only the calls the verifier makes, so every other file stays strictly typed.
import { createRequire } from 'node:module';

/** A Mat lives in the WASM heap: every one must be deleted, or the heap only grows. */
export interface CvMat {
  rows: number;
  cols: number;
  data: Uint8Array;
  data32F: Float32Array;
  data64F: Float64Array;
  empty(): boolean;
  delete(): void;
}

export interface CvKeyPoint {
  pt: { x: number; y: number };
  size: number;
  angle: number;
  response: number;
  octave: number;
}

export interface CvKeyPointVector {
  size(): number;
  get(i: number): CvKeyPoint;
  delete(): void;
}

export interface CvDMatch {
  queryIdx: number;
  trainIdx: number;
  distance: number;
}

export interface CvDMatchVector {
  size(): number;
  get(i: number): CvDMatch;
  delete(): void;
}

export interface CvDMatchVectorVector {
  size(): number;
  get(i: number): CvDMatchVector;
  delete(): void;
}

export interface CvFeature2D {
  detectAndCompute(image: CvMat, mask: CvMat, keypoints: CvKeyPointVector, descriptors: CvMat): void;
  delete(): void;
}

export interface CvMatcher {
  knnMatch(query: CvMat, train: CvMat, matches: CvDMatchVectorVector, k: number): void;
  delete(): void;
}

export interface OpenCv {
  CV_8UC1: number;
  CV_32FC2: number;
  NORM_HAMMING: number;
  RANSAC: number;
  Mat: new (rows?: number, cols?: number, type?: number) => CvMat;
  KeyPointVector: new () => CvKeyPointVector;
  DMatchVectorVector: new () => CvDMatchVectorVector;
  /** nfeatures, scaleFactor, nlevels, edgeThreshold, firstLevel, WTA_K (the score-type enum is unbound in this build). */
  ORB: new (nfeatures?: number, scaleFactor?: number, nlevels?: number, edgeThreshold?: number, firstLevel?: number, wtaK?: number) => CvFeature2D;
  AKAZE: new () => CvFeature2D;
  BFMatcher: new (normType: number, crossCheck: boolean) => CvMatcher;
  matFromArray(rows: number, cols: number, type: number, array: ArrayLike<number>): CvMat;
  findHomography(src: CvMat, dst: CvMat, method: number, reprojThreshold: number, mask: CvMat): CvMat;
  HEAP8: Int8Array;
  _malloc(bytes: number): number;
  _free(pointer: number): void;
}

interface EmscriptenModule {
  Mat?: unknown;
  then?: unknown;
  onRuntimeInitialized?: () => void;
}

let loading: Promise<OpenCv> | null = null;

/**
 * The initialised OpenCV runtime, the same object for every caller. Emscripten makes the module a
 * "thenable" whose then() hands back the module itself, so resolving a promise with it recurses for
 * ever; once the runtime is up that then() has no use, and it is removed before the module is handed out.
 */
export function loadOpenCv(): Promise<OpenCv> {
  loading ??= new Promise<OpenCv>((resolve, reject) => {
    try {
      const require = createRequire(import.meta.url);
      const module = require('@techstark/opencv-js') as EmscriptenModule;
      const ready = (): void => {
        delete module.then;
        resolve(module as unknown as OpenCv);
      };
      if (typeof module.Mat === 'function') ready();
      else module.onRuntimeInitialized = ready;
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
  return loading;
}

/** Runs `body` with Mats and vectors that are deleted afterwards, whatever happens inside. */
export function withDeleted<T>(body: (keep: <M extends { delete(): void }>(m: M) => M) => T): T {
  const owned: { delete(): void }[] = [];
  try {
    return body((m) => {
      owned.push(m);
      return m;
    });
  } finally {
    for (const m of owned.reverse()) m.delete();
  }
}

/**
 * The WASM heap's size and where a fresh 32 MiB block would be placed (the end of the used heap, as it only fits in the free top): after identical work with
 * every Mat deleted, both stay the same; a leak grows the one or moves the other.
 */
export async function wasmHeapProbe(): Promise<{ heapBytes: number; freeBlockAt: number }> {
  const cv = await loadOpenCv();
  const pointer = cv._malloc(32 << 20);
  cv._free(pointer);
  return { heapBytes: cv.HEAP8.buffer.byteLength, freeBlockAt: pointer };
}
