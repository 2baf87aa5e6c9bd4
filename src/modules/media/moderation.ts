/**
 * What media needs from an image classifier, and how it records the answer. The classifier itself
 * lives elsewhere (vision); `container.ts` hands media a function, so media never imports it.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/index.js';
import type { ModerationDecision } from './media.tables.js';

/** A classifier's answer about one image. */
export interface ModerationVerdict {
  /** True when the image must not be posted. */
  unsafe: boolean;
  /** The class the decision rests on, e.g. `Porn` or `Neutral`. */
  label: string;
  /** The classifier's score for `label`, 0..1. */
  score: number;
  /** The score at or above which `label` is unsafe. */
  threshold: number;
  /** Which model decided, e.g. `nsfwjs/MobileNetV2`. */
  model: string;
}

/** Classifies a normalised JPEG (upright, sRGB, metadata-free). */
export type ModerateImage = (jpeg: Buffer) => Promise<ModerationVerdict>;

export interface ModerationRecord {
  uploadSha256: string;
  accountId: string | null;
  verdict: ModerationVerdict;
}

/** Writes one decision; answers its id (so an allowed upload can be linked to its photo). */
export async function recordModeration(ex: Executor, record: ModerationRecord): Promise<string> {
  const id = randomUUID();
  const decision: ModerationDecision = record.verdict.unsafe ? 'rejected' : 'allowed';
  const { label, score, threshold, model } = record.verdict;
  await ex.execute(sql`
    insert into photo_moderation (id, upload_sha256, account_id, decision, label, score, threshold, model)
    values (${id}::uuid, ${record.uploadSha256}, ${record.accountId}::uuid, ${decision}, ${label}, ${score}, ${threshold}, ${model})`);
  return id;
}

/** Links an allowed decision to the photo it let through. */
export async function linkModeration(ex: Executor, moderationId: string, photoId: string): Promise<void> {
  await ex.execute(sql`update photo_moderation set photo_id = ${photoId}::uuid where id = ${moderationId}::uuid`);
}
