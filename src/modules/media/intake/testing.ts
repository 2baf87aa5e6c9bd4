/**
 * Test images for intake (never imported by production code): phone-like photos carrying GPS EXIF,
 * XMP and an orientation, and the hostile files intake must refuse.
 */
import sharp from 'sharp';

/** A photo as a phone writes it: EXIF with GPS and camera details, XMP, and a rotated orientation. */
export async function phonePhoto(options: { width?: number; height?: number; orientation?: number; shade?: number; format?: 'jpeg' | 'png' | 'webp' | 'avif' } = {}): Promise<Buffer> {
  const { width = 64, height = 32, orientation = 6, shade = 1, format = 'jpeg' } = options;
  const base = sharp({
    create: { width, height, channels: 3, background: { r: (shade * 67) % 256, g: (shade * 29) % 256, b: (shade * 113) % 256 } },
  })
    // A bright block in one corner: a rotation shows where it went.
    .composite([{ input: { create: { width: Math.max(1, width >> 2), height: Math.max(1, height >> 2), channels: 3, background: '#ffffff' } }, left: 0, top: 0 }]);
  const encoded = await base.toFormat(format).toBuffer();
  return sharp(encoded)
    .withMetadata({ orientation })
    .withExif({
      IFD0: { Make: 'PhoneCo', Model: 'Pocket 12', Copyright: 'Private person' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '41/1 0/1 3600/100', GPSLongitudeRef: 'E', GPSLongitude: '28/1 58/1 1200/100' },
    })
    .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="41,0.6N"/></rdf:RDF></x:xmpmeta>')
    .toFormat(format)
    .toBuffer();
}

/** Traces of metadata in a file's bytes, whatever its format; empty when there are none. */
export async function metadataTraces(bytes: Buffer): Promise<string[]> {
  const found: string[] = [];
  const meta = await sharp(bytes).metadata();
  if (meta.exif) found.push('exif');
  if (meta.xmp) found.push('xmp');
  if (meta.iptc) found.push('iptc');
  if (meta.orientation !== undefined && meta.orientation !== 1) found.push(`orientation ${meta.orientation}`);
  const text = bytes.toString('latin1');
  for (const marker of ['Exif\0\0', 'GPS', 'PhoneCo', 'Pocket 12', 'adobe:ns:meta', 'ns.adobe.com', 'Private person']) {
    if (text.includes(marker)) found.push(JSON.stringify(marker));
  }
  return found;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A small, valid PNG whose header claims `width` × `height`: a decompression bomb's calling card. */
export async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#808080' } }).png().toBuffer());
  // IHDR follows the 8-byte signature: length (4), type (4), width (4), height (4) …, CRC after its 13 bytes.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

/** The start of a ZIP archive (a local file header and a little data). */
export const ZIP_BYTES = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(26, 0), Buffer.from('payload.js console.log(1)')]);

export const SVG_BYTES = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');

/** An ISO-media file header of the given brands, as HEIC and AVIF files start. */
export function ftypHeader(major: string, compatible: string[]): Buffer {
  const size = 16 + 4 * compatible.length;
  const box = Buffer.alloc(size);
  box.writeUInt32BE(size, 0);
  box.write('ftyp', 4, 'latin1');
  box.write(major, 8, 'latin1');
  compatible.forEach((brand, i) => box.write(brand, 16 + 4 * i, 'latin1'));
  return box;
}

/** An ISO box of `type` holding `payload`. */
export function isoBox(type: string, payload: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + payload.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, payload]);
}
