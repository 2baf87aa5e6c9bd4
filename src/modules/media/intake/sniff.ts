/**
 * What a file really is, from its first bytes and its structure: never from a name, an extension or
 * a declared content type. A file that is an image followed by anything else (a ZIP, a script, a
 * second file) is a polyglot and is refused, even though a decoder would read its first part.
 */

/** The formats Coterie takes in. */
export const INTAKE_FORMATS = ['jpeg', 'png', 'webp', 'avif', 'heic'] as const;
export type IntakeFormat = (typeof INTAKE_FORMATS)[number];

export type Sniffed =
  | { kind: 'image'; format: IntakeFormat }
  /** A format recognised but not taken (GIF, TIFF, SVG, BMP, PDF, ZIP …). */
  | { kind: 'unsupported'; name: string }
  | { kind: 'unknown' };

const ascii = (bytes: Buffer, start: number, end: number) => bytes.subarray(start, end).toString('latin1');

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);
const AVIF_BRANDS = new Set(['avif', 'avis']);

/** The image format of `bytes` by its magic numbers. */
export function sniffFormat(bytes: Buffer): Sniffed {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { kind: 'image', format: 'jpeg' };
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return { kind: 'image', format: 'png' };
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return { kind: 'image', format: 'webp' };
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp') return sniffFtyp(bytes);
  const head = ascii(bytes, 0, 6);
  if (head === 'GIF87a' || head === 'GIF89a') return { kind: 'unsupported', name: 'GIF' };
  if (head.startsWith('II*\0') || head.startsWith('MM\0*')) return { kind: 'unsupported', name: 'TIFF' };
  if (head.startsWith('BM')) return { kind: 'unsupported', name: 'BMP' };
  if (head.startsWith('%PDF')) return { kind: 'unsupported', name: 'PDF' };
  if (head.startsWith('PK\x03\x04') || head.startsWith('PK\x05\x06')) return { kind: 'unsupported', name: 'ZIP' };
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF') return { kind: 'unsupported', name: 'RIFF (not WebP)' };
  const text = bytes.subarray(0, 512).toString('utf8').replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg'))) return { kind: 'unsupported', name: 'SVG' };
  if (text.startsWith('<')) return { kind: 'unsupported', name: 'markup (HTML or XML)' };
  return { kind: 'unknown' };
}

/** ISO base media files (HEIF family): the major brand, then the compatible brands, say which. */
function sniffFtyp(bytes: Buffer): Sniffed {
  const size = bytes.readUInt32BE(0);
  const major = ascii(bytes, 8, 12);
  const end = Math.min(bytes.length, size >= 16 ? size : 16);
  const compatible: string[] = [];
  for (let at = 16; at + 4 <= end; at += 4) compatible.push(ascii(bytes, at, at + 4));
  if (AVIF_BRANDS.has(major) || ((major === 'mif1' || major === 'msf1') && compatible.some((b) => AVIF_BRANDS.has(b)))) {
    return { kind: 'image', format: 'avif' };
  }
  if (HEIC_BRANDS.has(major)) return { kind: 'image', format: 'heic' };
  return { kind: 'unsupported', name: major.startsWith('qt') || major.startsWith('iso') || major.startsWith('mp4') ? 'video' : `ISO media (${major.trim()})` };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Why the file's structure is not one clean image of its format, or null when it is. */
export function structureProblem(bytes: Buffer, format: IntakeFormat): string | null {
  switch (format) {
    case 'jpeg':
      return jpegProblem(bytes);
    case 'png':
      return pngProblem(bytes);
    case 'webp':
      return webpProblem(bytes);
    case 'avif':
    case 'heic':
      return isoBoxesProblem(bytes);
  }
}

const TRAILING = 'has data after the end of the image (a file hidden inside an image is not accepted)';
const TRUNCATED = 'is truncated: the image ends before it is complete';

/** The bytes after the image may only be padding: some encoders add a few zero bytes. */
function onlyPadding(bytes: Buffer, from: number): boolean {
  if (bytes.length - from > 64) return false;
  for (let i = from; i < bytes.length; i++) if (bytes[i] !== 0 && bytes[i] !== 0x0a && bytes[i] !== 0x0d) return false;
  return true;
}

/** Walks the markers to the first scan, then the entropy-coded data (and later scans) to the end-of-image marker. */
function jpegProblem(bytes: Buffer): string | null {
  let at = 2;
  let inScan = false;
  while (at < bytes.length) {
    if (inScan) {
      const ff = bytes.indexOf(0xff, at);
      if (ff < 0 || ff + 1 >= bytes.length) return TRUNCATED;
      const next = bytes[ff + 1]!;
      if (next === 0x00 || next === 0xff || (next >= 0xd0 && next <= 0xd7)) {
        at = ff + (next === 0xff ? 1 : 2);
        continue;
      }
      inScan = false;
      at = ff;
      continue;
    }
    if (at + 2 > bytes.length) return TRUNCATED;
    if (bytes[at] !== 0xff) return 'is damaged: its JPEG structure is broken';
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0xd9) return onlyPadding(bytes, at + 2) ? null : TRAILING;
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    if (at + 4 > bytes.length) return TRUNCATED;
    const length = bytes.readUInt16BE(at + 2);
    if (length < 2) return 'is damaged: its JPEG structure is broken';
    at += 2 + length;
    if (at > bytes.length) return TRUNCATED;
    if (marker === 0xda) inScan = true;
  }
  return TRUNCATED;
}

/** Chunk by chunk to IEND; nothing may follow it. */
function pngProblem(bytes: Buffer): string | null {
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = ascii(bytes, at + 4, at + 8);
    const end = at + 12 + length;
    if (end > bytes.length) return TRUNCATED;
    if (type === 'IEND') return onlyPadding(bytes, end) ? null : TRAILING;
    at = end;
  }
  return TRUNCATED;
}

/** A RIFF file says its own length: the file must be exactly that long (plus a pad byte). */
function webpProblem(bytes: Buffer): string | null {
  const declared = bytes.readUInt32LE(4) + 8;
  if (declared > bytes.length) return TRUNCATED;
  return onlyPadding(bytes, declared + (declared % 2)) ? null : TRAILING;
}

/** Top-level boxes of an ISO media file must tile it exactly. */
function isoBoxesProblem(bytes: Buffer): string | null {
  let at = 0;
  let boxes = 0;
  while (at < bytes.length) {
    if (at + 8 > bytes.length) return onlyPadding(bytes, at) && boxes > 0 ? null : TRUNCATED;
    let size = bytes.readUInt32BE(at);
    const type = ascii(bytes, at + 4, at + 8);
    if (!/^[\x20-\x7e]{4}$/.test(type)) return boxes > 0 ? TRAILING : 'is damaged: its structure is broken';
    if (size === 1) {
      if (at + 16 > bytes.length) return TRUNCATED;
      const big = bytes.readBigUInt64BE(at + 8);
      if (big > BigInt(bytes.length)) return TRUNCATED;
      size = Number(big);
    } else if (size === 0) {
      size = bytes.length - at;
    }
    if (size < 8) return 'is damaged: its structure is broken';
    if (at + size > bytes.length) return TRUNCATED;
    at += size;
    boxes++;
  }
  return null;
}
