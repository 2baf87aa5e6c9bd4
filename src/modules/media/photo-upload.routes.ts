import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { fail } from '../../platform/http/errors.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { DEFAULT_INTAKE_LIMITS, readImageUpload } from './intake/index.js';
import { photoResponse, photoUploadBody } from './media.schemas.js';
import type { MediaService } from './media.service.js';
import { MAX_CAPTION_LENGTH, type PhotoUpload } from './photo-upload.js';

export interface PhotoUploadRoutesOptions {
  media: MediaService;
  /** Largest image accepted (default 20 MB). */
  maxImageBytes?: number;
}

/** Room for the multipart framing and the caption around the image. */
const ENVELOPE_BYTES = 64 * 1024;

/** `POST /photos`, in a scope of its own so only it parses multipart bodies of its size. */
export const photoUploadRoutes: FastifyPluginAsyncZod<PhotoUploadRoutesOptions> = async (scope, { media, maxImageBytes }) => {
  const maxBytes = maxImageBytes ?? DEFAULT_INTAKE_LIMITS.maxBytes;
  await scope.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 4, parts: 5, fieldSize: 4 * MAX_CAPTION_LENGTH } });

  scope.post(
    '/photos',
    {
      schema: {
        tags: ['photos'],
        summary: 'Post a photo (multipart fields `image` and `caption`; signed-in members)',
        description:
          'The image is recognised by its bytes (JPEG, PNG, WebP, AVIF, HEIC/HEIF), at most 20 MB and 40 million pixels; it is turned upright, ' +
          'converted to sRGB and stored as a JPEG inside 2048 px with a ~320 px thumbnail and ~1080 px JPEG and WebP sizes, all without EXIF, GPS or ' +
          'XMP. 409 (with a Location header) when you already posted the same picture; 422 when moderation rejects it; 413 too large; 415 not an image type taken; ' +
          '400 truncated, damaged or a file hidden inside an image.',
        consumes: ['multipart/form-data'],
        body: photoUploadBody,
        response: { 201: photoResponse, ...errorResponses(400, 401, 403, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const read = async (): Promise<PhotoUpload> => {
        if (!request.isMultipart()) throw fail.unsupportedType('Send the photo as multipart/form-data in the field "image"');
        // A body declared larger than any photo is refused before a byte of it is read.
        const declared = Number(request.headers['content-length'] ?? NaN);
        if (declared > maxBytes + ENVELOPE_BYTES) throw fail.tooLarge(`An image may be at most ${Math.round(maxBytes / (1024 * 1024))} MB`);
        let image: Buffer | undefined;
        let caption = '';
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            if (part.fieldname !== 'image') {
              part.file.resume();
              throw fail.validation([{ field: `body.${part.fieldname}`, message: 'is not expected: send the photo in the field "image"' }]);
            }
            image = await readImageUpload(part.file, maxBytes);
          } else if (part.fieldname === 'caption') {
            if (part.valueTruncated) throw fail.validation([{ field: 'body.caption', message: `is longer than ${MAX_CAPTION_LENGTH} characters` }]);
            caption = typeof part.value === 'string' ? part.value : '';
          }
        }
        if (image === undefined) throw fail.validation([{ field: 'body.image', message: 'is required: a photo file' }]);
        return { image, caption };
      };
      const photo = await media.postPhoto(request.ctx, read);
      return reply.status(201).header('location', `/api/v1/photos/${photo.id}`).send({ photo });
    },
  );
};
