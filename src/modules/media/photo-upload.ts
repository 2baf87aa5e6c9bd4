/**
 * Posting a member photo: the upload goes through intake (checked, upright, sRGB, metadata-free),
 * is refused when its author already posted the same picture, is moderated when a classifier is
 * wired in, gets its derivatives, and is written in one transaction with its caption's hashtags and
 * mentions. Recognition (tagging the products it shows) runs after commit, outside the request.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { isUniqueViolation, rowsOf, type Database } from '../../platform/db/index.js';
import type { RequestContext } from '../../platform/http/context.js';
import { AppError, fail } from '../../platform/http/errors.js';
import type { BlobStorage } from '../../platform/storage/index.js';
import { requireSignedIn } from '../identity/index.js';
import { indexText } from '../social/index.js';
import { intakeImage, makeDerivatives } from './intake/index.js';
import { linkModeration, recordModeration, type ModerateImage } from './moderation.js';

/** Finds the products a new photo shows and tags it; called after the photo is committed. */
export type RecognisePhoto = (photoId: string, normalisedJpeg: Buffer) => Promise<void>;

export interface PhotoUploadDeps {
  database: Database;
  storage: BlobStorage;
  /** The image classifier; without one, uploads are not moderated and no decision is recorded. */
  moderate?: ModerateImage | undefined;
  /** Product recognition; without one, new photos carry only what their author tags. */
  recognise?: RecognisePhoto | undefined;
}

export interface PhotoUpload {
  image: Buffer;
  caption: string;
}

export const MAX_CAPTION_LENGTH = 2200;

/** Builds the posting use case. */
export function createPhotoUploads(deps: PhotoUploadDeps) {
  const { database, storage } = deps;
  const db = database.db;
  const recognising = new Set<Promise<void>>();

  /** Stores the blobs; on a later failure, removes the ones this call created that no photo uses. */
  async function storeBlobs(items: { bytes: Buffer; contentType: string }[]) {
    const stored = await Promise.all(items.map((i) => storage.put(i.bytes, i.contentType)));
    const undo = async () => {
      const created = stored.filter((s) => s.created).map((s) => s.key);
      if (created.length === 0) return;
      const used = new Set(
        rowsOf<{ key: string }>(
          await db.execute(sql`
            select k as key from unnest(${sql.param(created)}::text[]) k
             where exists (select 1 from photos p where k in (p.image_key, p.thumbnail_key, p.feed_key, p.feed_webp_key))`),
        ).map((r) => r.key),
      );
      await Promise.all(created.filter((k) => !used.has(k)).map((k) => storage.delete(k)));
    };
    return { keys: stored.map((s) => s.key), undo };
  }

  return {
    /**
     * Posts a photo for the signed-in member and answers its id. `read` is called only once the
     * member is known to be signed in, so a visitor's upload is never read.
     */
    async postPhoto(ctx: RequestContext, read: () => Promise<PhotoUpload>): Promise<string> {
      const actor = requireSignedIn(ctx);
      const upload = await read();
      const caption = upload.caption.trim();
      if (caption.length > MAX_CAPTION_LENGTH) {
        throw fail.validation([{ field: 'body.caption', message: `is longer than ${MAX_CAPTION_LENGTH} characters` }]);
      }
      const image = await intakeImage(upload.image);

      // "The same bytes" is the normalised picture: the same photo re-saved with other metadata is still a duplicate.
      const duplicate = await findOwnPhoto(database, actor.id, image.sha256);
      if (duplicate) throw duplicateError(duplicate);

      let moderationId: string | null = null;
      if (deps.moderate) {
        const verdict = await deps.moderate(image.jpeg);
        moderationId = await recordModeration(db, { uploadSha256: image.uploadSha256, accountId: actor.id, verdict });
        if (verdict.unsafe) {
          ctx.log.info({ label: verdict.label, score: verdict.score, model: verdict.model }, 'photo rejected by moderation');
          throw fail.unprocessable(`This photo cannot be posted: it was classified as ${verdict.label} (${verdict.score.toFixed(2)} ≥ ${verdict.threshold})`, [
            { field: 'body.image', message: `classified as ${verdict.label}` },
          ]);
        }
      }

      const derived = await makeDerivatives(image.jpeg);
      const blobs = await storeBlobs([
        { bytes: image.jpeg, contentType: 'image/jpeg' },
        { bytes: derived.thumbnail.bytes, contentType: derived.thumbnail.contentType },
        { bytes: derived.feed.bytes, contentType: derived.feed.contentType },
        { bytes: derived.feedWebp.bytes, contentType: derived.feedWebp.contentType },
      ]);
      const [imageKey, thumbnailKey, feedKey, feedWebpKey] = blobs.keys as [string, string, string, string];
      const id = randomUUID();
      try {
        await database.transaction(async (tx) => {
          const inserted = await tx.execute(sql`
            insert into photos (id, author_id, caption, image_key, thumbnail_key, feed_key, feed_webp_key, width, height, content_sha256, city_id, status, posted_at)
            select ${id}::uuid, a.id, ${caption}, ${imageKey}, ${thumbnailKey}, ${feedKey}, ${feedWebpKey}, ${image.width}, ${image.height},
                   ${image.sha256}, a.home_city_id, 'published', now()
              from accounts a where a.id = ${actor.id}::uuid
            returning id`);
          if (rowsOf(inserted).length === 0) throw fail.unauthenticated('Your account no longer exists');
          await indexText(tx, { sourceKind: 'photo', sourceId: id, accountId: actor.id, text: caption });
          if (moderationId) await linkModeration(tx, moderationId, id);
        });
      } catch (error) {
        await blobs.undo().catch((cleanup: unknown) => ctx.log.warn({ err: cleanup }, 'unused photo blobs could not be removed'));
        if (isUniqueViolation(error, 'photos_author_content_key')) {
          const existing = await findOwnPhoto(database, actor.id, image.sha256);
          if (existing) throw duplicateError(existing);
        }
        throw error;
      }
      ctx.log.info({ photo_id: id, format: image.format, width: image.width, height: image.height }, 'photo posted');

      if (deps.recognise) {
        const job = deps
          .recognise(id, image.jpeg)
          .catch((error: unknown) => ctx.log.error({ err: error, photo_id: id }, 'photo recognition failed'));
        recognising.add(job);
        void job.finally(() => recognising.delete(job));
      }
      return id;
    },

    /** Waits for recognition started by earlier posts (shutdown, tests). */
    async settled(): Promise<void> {
      await Promise.all([...recognising]);
    },
  };
}

async function findOwnPhoto(database: Database, authorId: string, sha: string): Promise<string | null> {
  const [row] = rowsOf<{ id: string }>(
    await database.db.execute(sql`select id::text as id from photos where author_id = ${authorId}::uuid and content_sha256 = ${sha}`),
  );
  return row?.id ?? null;
}

function duplicateError(photoId: string): AppError {
  return new AppError(
    'COT_ERR_CONFLICT',
    `You already posted this photo (${photoId})`,
    [{ field: 'body.image', message: `is the same picture as your photo ${photoId}` }],
    { location: `/api/v1/photos/${photoId}` },
  );
}

export type PhotoUploads = ReturnType<typeof createPhotoUploads>;
