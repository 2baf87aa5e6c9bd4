/**
 * Product images from a feed: fetched from an http(s) URL or read from beside the feed, checked
 * (size while streaming, pixel count from the header, a whitelist of formats, never SVG), turned
 * upright, shrunk to at most 1600 px, re-encoded as JPEG without any metadata (EXIF, GPS) and stored.
 */
import { realpath, stat, readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { fetchPublic, NonPublicAddressError } from '../../../platform/net/public-fetch.js';
import type { BlobStorage } from '../../../platform/storage/index.js';
import type { ImageLink } from '../feed/feed-row.js';

export interface ImageLimits {
  /** Largest image file accepted, checked while it streams in. */
  maxBytes: number;
  /** Largest decoded image (width × height) accepted, checked from the header. */
  maxPixels: number;
  /** How long one URL may take, headers and body together. */
  timeoutMs: number;
  /** The longer edge of the stored image. */
  maxEdge: number;
  /** Refuse URLs that reach private or local addresses (uploaded feeds: someone else chose the links). */
  publicOnly: boolean;
}

export const DEFAULT_IMAGE_LIMITS: ImageLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxPixels: 40_000_000,
  timeoutMs: 15_000,
  maxEdge: 1600,
  publicOnly: false,
};

/** Where local image paths are read from; null for an uploaded feed, which has no folder beside it. */
export type ImageFolder = string | null;

export interface LoadedImage {
  blobKey: string;
  width: number;
  height: number;
}

export type ImageResult = { ok: true; image: LoadedImage } | { ok: false; reason: string };

/** A problem with one image, phrased for the import report. */
class ImageProblem extends Error {}

// HEIF is only accepted as AVIF (AV1-compressed): HEVC cannot be decoded here.
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'tiff']);

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;
const tooManyPixels = (max: number) => new ImageProblem(`has more than ${max / 1_000_000} million pixels`);

/** Loads feed images into blob storage; remembers recent links so a shared picture is fetched once. */
export class ImageLoader {
  private readonly recent = new Map<string, Promise<ImageResult>>();
  private readonly limits: ImageLimits;

  constructor(
    private readonly storage: BlobStorage,
    private readonly folder: ImageFolder,
    limits: Partial<ImageLimits> = {},
  ) {
    this.limits = { ...DEFAULT_IMAGE_LIMITS, ...limits };
  }

  /** Fetches, normalises and stores one image; never throws, a failure is a reason. */
  load(link: ImageLink): Promise<ImageResult> {
    const cached = this.recent.get(link.raw);
    if (cached) return cached;
    const result = this.loadOnce(link);
    this.recent.set(link.raw, result);
    // Keep the memory bounded: a 100k-product feed must not keep every link.
    if (this.recent.size > 2000) this.recent.delete(this.recent.keys().next().value!);
    return result;
  }

  private async loadOnce(link: ImageLink): Promise<ImageResult> {
    try {
      const bytes = link.kind === 'url' ? await this.fetchUrl(link.raw) : await this.readLocal(link.raw);
      return { ok: true, image: await this.normaliseAndStore(bytes) };
    } catch (error) {
      if (error instanceof ImageProblem) return { ok: false, reason: error.message };
      return { ok: false, reason: `could not be loaded: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300) };
    }
  }

  private async fetchUrl(url: string): Promise<Buffer> {
    const { maxBytes, timeoutMs } = this.limits;
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const headers = { accept: 'image/*' };
      const response = this.limits.publicOnly
        ? await fetchPublic(url, { signal, headers })
        : await fetch(url, { signal, redirect: 'follow', headers });
      if (!response.ok || response.body === null) {
        await response.body?.cancel().catch(() => undefined);
        throw new ImageProblem(`could not be fetched: the server answered ${response.status}`);
      }
      const declared = Number(response.headers.get('content-length') ?? NaN);
      if (declared > maxBytes) {
        await response.body.cancel().catch(() => undefined);
        throw new ImageProblem(`is larger than ${megabytes(maxBytes)}`);
      }
      const parts: Buffer[] = [];
      let size = 0;
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        size += chunk.length;
        if (size > maxBytes) throw new ImageProblem(`is larger than ${megabytes(maxBytes)}`);
        parts.push(Buffer.from(chunk));
      }
      return Buffer.concat(parts);
    } catch (error) {
      if (error instanceof ImageProblem) throw error;
      const refused = error instanceof NonPublicAddressError ? error : (error as { cause?: unknown }).cause;
      if (refused instanceof NonPublicAddressError) throw new ImageProblem(`is not fetched: ${refused.message}`);
      if (signal.aborted) throw new ImageProblem(`could not be fetched within ${timeoutMs / 1000} s`);
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new ImageProblem(`could not be fetched: ${cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))}`);
    }
  }

  private async readLocal(raw: string): Promise<Buffer> {
    if (this.folder === null) {
      throw new ImageProblem('is a local path, but an uploaded feed has no folder beside it: use http(s) image links, or import the feed with `coterie import catalog FILE`');
    }
    const root = await realpath(this.folder);
    let real: string;
    try {
      real = await realpath(path.resolve(root, raw.replace(/\\/g, '/')));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ImageProblem(`is not a file in the feed's folder (${raw})`);
      throw error;
    }
    // A symbolic link may lead out of the folder even when the path itself does not.
    if (real !== root && !real.startsWith(root + path.sep)) throw new ImageProblem('points outside the feed folder');
    const info = await stat(real);
    if (!info.isFile()) throw new ImageProblem('is not a file');
    if (info.size > this.limits.maxBytes) throw new ImageProblem(`is larger than ${megabytes(this.limits.maxBytes)}`);
    return readFile(real);
  }

  private async normaliseAndStore(bytes: Buffer): Promise<LoadedImage> {
    const { maxPixels, maxEdge } = this.limits;
    let format: string | undefined;
    try {
      const meta = await sharp(bytes, { limitInputPixels: maxPixels }).metadata();
      format = meta.format === 'heif' ? (meta.compression === 'av1' ? 'avif' : 'heic') : meta.format;
      if ((meta.width ?? 0) * (meta.height ?? 0) > maxPixels) throw tooManyPixels(maxPixels);
    } catch (error) {
      if (error instanceof ImageProblem) throw error;
      if (error instanceof Error && /pixel limit/i.test(error.message)) throw tooManyPixels(maxPixels);
      throw new ImageProblem('is not an image Coterie can read (JPEG, PNG, WebP, AVIF, GIF or TIFF)');
    }
    if (format === undefined || !(ACCEPTED_FORMATS.has(format) || format === 'avif')) {
      throw new ImageProblem(`is ${format === undefined ? 'in an unknown format' : `a ${format.toUpperCase()} image`}; Coterie takes JPEG, PNG, WebP, AVIF, GIF or TIFF`);
    }
    let output: { data: Buffer; info: sharp.OutputInfo };
    try {
      output = await sharp(bytes, { limitInputPixels: maxPixels })
        .rotate() // apply the EXIF orientation before the metadata is dropped
        .resize({ width: maxEdge, height: maxEdge, fit: 'inside', withoutEnlargement: true })
        .flatten({ background: '#ffffff' }) // transparent product shots go on white, not black
        .jpeg({ quality: 85 })
        .toBuffer({ resolveWithObject: true });
    } catch (error) {
      if (error instanceof Error && /pixel limit/i.test(error.message)) throw tooManyPixels(maxPixels);
      throw new ImageProblem(`could not be decoded: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300));
    }
    const stored = await this.storage.put(output.data, 'image/jpeg');
    return { blobKey: stored.key, width: output.info.width, height: output.info.height };
  }
}

export { mapWithConcurrency } from '../../../platform/concurrency.js';
