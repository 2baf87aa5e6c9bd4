/**
 * The hashtag and mention index, written by whatever carries text: comments here, set descriptions
 * (the sets use cases), photo captions later. Call it in the transaction that saves the text.
 */
import type { Executor } from '../../platform/db/index.js';
import { removeIndex, replaceHashtags, replaceMentions, type TextSourceKind } from './hashtags.repository.js';
import { parseText } from './text-parser.js';

export type { TextSourceKind } from './hashtags.repository.js';

export interface TextSource {
  sourceKind: TextSourceKind;
  /** The comment's, set's or photo's id. */
  sourceId: string;
  /** Who wrote the text. */
  accountId: string;
  /** The whole current text (null or empty: it carries nothing). */
  text: string | null;
}

/**
 * Indexes a text's `#hashtags` and `@mentions` for its source, replacing what the source carried
 * before (tags it keeps keep their place on the hashtag page). Returns the tags and the handles of
 * the existing accounts it mentions.
 */
export async function indexText(tx: Executor, source: TextSource): Promise<{ hashtags: string[]; mentions: string[] }> {
  const parsed = parseText(source.text ?? '');
  await replaceHashtags(tx, source.sourceKind, source.sourceId, source.accountId, parsed.hashtags);
  const mentions = await replaceMentions(tx, source.sourceKind, source.sourceId, source.accountId, parsed.mentions);
  return { hashtags: parsed.hashtags, mentions };
}

/** Forgets a deleted source's hashtags and mentions. */
export async function removeTextIndex(tx: Executor, source: Pick<TextSource, 'sourceKind' | 'sourceId'>): Promise<void> {
  await removeIndex(tx, source.sourceKind, source.sourceId);
}
