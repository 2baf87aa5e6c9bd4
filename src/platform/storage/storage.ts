import type { Readable } from 'node:stream';

/**
 * Blob storage: content-addressed and immutable. A blob's key is the sha256 of its bytes plus an
 * extension for its type, so the same bytes are stored once and a key never changes meaning.
 */
export interface StoredBlob {
  key: string;
  contentType: string;
  size: number;
  /** False when these exact bytes were already stored. */
  created: boolean;
}

export interface BlobStat {
  contentType: string;
  size: number;
}

export interface BlobStorage {
  readonly kind: 'local' | 's3';
  put(bytes: Buffer, contentType: string): Promise<StoredBlob>;
  /** The bytes as a stream, or undefined when there is no such blob. */
  open(key: string): Promise<{ stream: Readable; stat: BlobStat } | undefined>;
  stat(key: string): Promise<BlobStat | undefined>;
  delete(key: string): Promise<void>;
}

/** The content types Coterie stores, by the extension a key carries. */
export const blobTypes: Record<string, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
  json: 'application/json',
  csv: 'text/csv',
  bin: 'application/octet-stream',
};

export function extensionFor(contentType: string): string {
  const base = contentType.split(';')[0]!.trim().toLowerCase();
  return Object.entries(blobTypes).find(([, type]) => type === base)?.[0] ?? 'bin';
}

const keyPattern = /^[0-9a-f]{64}\.[a-z0-9]{2,5}$/;

/** True for a well-formed key; anything else (paths, `..`) never reaches a disk or a bucket. */
export function isBlobKey(key: string): boolean {
  return keyPattern.test(key);
}

export function contentTypeOfKey(key: string): string {
  return blobTypes[key.slice(key.lastIndexOf('.') + 1)] ?? 'application/octet-stream';
}

/** A whole blob in memory, or undefined when there is none under the key. */
export async function readBlob(storage: BlobStorage, key: string): Promise<Buffer | undefined> {
  const blob = await storage.open(key);
  if (!blob) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of blob.stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}
