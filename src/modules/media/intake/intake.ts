/**
 * Image intake: the one door every uploaded image comes through (member photos, visual search).
 * Checked by its bytes (magic numbers and structure, never a name or a declared type), its pixel
 * count read from the header before any decoding, decoded off the event loop (sharp's thread pool;
 * HEIC in a worker thread), turned upright, converted to sRGB and re-encoded as a JPEG that carries
 * no metadata at all: EXIF, GPS, XMP, IPTC and ICC never leave this function.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import sharp from 'sharp';
import { AppError, fail } from '../../../platform/http/errors.js';
import { decodeHeic, HeicDecodeError } from './heic.js';
import { sniffFormat, structureProblem, type IntakeFormat } from './sniff.js';

export interface IntakeLimits {
  /** Largest upload accepted, in bytes (20 MB). */
  maxBytes: number;
  /** Largest image accepted, width × height, read from the header (40 million pixels). */
  maxPixels: number;
  /** The longer edge of the normalised image (2048 px). */
  maxEdge: number;
  /** How long a HEIC decode may take before its worker is ended. */
  heicTimeoutMs: number;
}

export const DEFAULT_INTAKE_LIMITS: IntakeLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxPixels: 40_000_000,
  maxEdge: 2048,
  heicTimeoutMs: 15_000,
};

export interface IntakenImage {
  /** What the bytes really were. */
  format: IntakeFormat;
  /** Hex sha256 of the bytes as uploaded. */
  uploadSha256: string;
  /** The normalised image: upright, sRGB, longer edge at most `maxEdge`, JPEG, no metadata. */
  jpeg: Buffer;
  /** Hex sha256 of `jpeg`. */
  sha256: string;
  width: number;
  height: number;
}

export interface IntakeOptions extends Partial<IntakeLimits> {
  /** The request field named in error details (default `body.image`). */
  field?: string;
}

const ACCEPTED_NAMES = 'JPEG, PNG, WebP, AVIF or HEIC';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/**
 * Checks and normalises one uploaded image. Throws an AppError in the error shape: 413 too many
 * bytes or pixels, 415 not an image type Coterie takes, 400 truncated, damaged or polyglot.
 */
export async function intakeImage(bytes: Buffer, options: IntakeOptions = {}): Promise<IntakenImage> {
  const limits = { ...DEFAULT_INTAKE_LIMITS, ...options };
  const field = options.field ?? 'body.image';
  const invalid = (message: string) => fail.validation([{ field, message }], `The image ${message}`);
  if (bytes.length > limits.maxBytes) throw fail.tooLarge(`An image may be at most ${mb(limits.maxBytes)}`);
  if (bytes.length === 0) throw invalid('is empty');

  const sniffed = sniffFormat(bytes);
  if (sniffed.kind === 'unsupported') throw fail.unsupportedType(`This file is ${sniffed.name}; send a ${ACCEPTED_NAMES} image`);
  if (sniffed.kind === 'unknown') throw fail.unsupportedType(`This file is not an image Coterie takes (${ACCEPTED_NAMES})`);
  const { format } = sniffed;
  const problem = structureProblem(bytes, format);
  if (problem) throw invalid(problem);

  const tooManyPixels = () => fail.tooLarge(`An image may have at most ${limits.maxPixels / 1_000_000} million pixels`);
  let source: sharp.Sharp;
  if (format === 'heic') {
    let decoded;
    try {
      decoded = await decodeHeic(bytes, { maxPixels: limits.maxPixels, timeoutMs: limits.heicTimeoutMs });
    } catch (error) {
      if (error instanceof HeicDecodeError && error.reason === 'too-large') throw tooManyPixels();
      if (error instanceof HeicDecodeError && error.reason === 'timeout') throw fail.unprocessable('This HEIC photo took too long to decode; send it as a JPEG');
      throw invalid('could not be decoded: the HEIC file is damaged or uses a feature we cannot read');
    }
    source = sharp(decoded.rgba, { raw: { width: decoded.width, height: decoded.height, channels: 4 }, limitInputPixels: limits.maxPixels });
  } else {
    let meta: sharp.Metadata;
    try {
      meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    } catch {
      throw invalid('could not be read: the file is damaged');
    }
    const decoderSays = meta.format === 'heif' ? (meta.compression === 'av1' ? 'avif' : 'heic') : meta.format;
    if (decoderSays !== format) throw invalid(`is damaged: it starts like ${format.toUpperCase()} but does not read as one`);
    if ((meta.width ?? 0) * (meta.height ?? 0) > limits.maxPixels) throw tooManyPixels();
    source = sharp(bytes, { limitInputPixels: limits.maxPixels, failOn: 'warning' });
  }

  try {
    // No keepMetadata/withMetadata: sharp writes none. rotate() applies the EXIF orientation first.
    const { data, info } = await source
      .rotate()
      .resize({ width: limits.maxEdge, height: limits.maxEdge, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .jpeg({ quality: 85 })
      .toBuffer({ resolveWithObject: true });
    return { format, uploadSha256: sha256(bytes), jpeg: data, sha256: sha256(data), width: info.width, height: info.height };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof Error && /pixel limit/i.test(error.message)) throw tooManyPixels();
    throw invalid('could not be decoded: the file is damaged or truncated');
  }
}

/**
 * Reads an uploaded file stream into memory, keeping at most `maxBytes`: past that it keeps
 * draining (so the connection stays usable) but holds nothing more, and answers 413. Works with
 * @fastify/multipart's file stream, which stops at its own limit and says so in `truncated`.
 */
export async function readImageUpload(stream: Readable & { truncated?: boolean }, maxBytes: number = DEFAULT_INTAKE_LIMITS.maxBytes): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  let over = false;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) over = true;
    if (!over) parts.push(chunk);
    else parts.length = 0;
  }
  if (over || stream.truncated === true) throw fail.tooLarge(`An image may be at most ${mb(maxBytes)}`);
  return Buffer.concat(parts, size);
}
