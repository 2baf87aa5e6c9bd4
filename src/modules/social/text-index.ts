/**
 * The hashtag and mention index, written by whatever carries text: comments here, set descriptions
 * (the sets use cases), photo captions (the media module). Call it in the transaction that saves the text.
 */
import type { Executor } from '../../platform/db/index.js';
import { insertIndexRows, removeIndex, replaceHashtags, replaceMentions, type TextSourceKind } from './hashtags.repository.js';
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

/**
 * Indexes many sources that carry no index yet, in a few statements (bulk loads such as the demo
 * world's photos): the same grammar and rules as `indexText`, but each use is dated `at` (when the
 * text was written) rather than now, so hashtag pages keep the history's order.
 */
export async function indexNewTexts(tx: Executor, sourceKind: TextSourceKind, sources: readonly (Omit<TextSource, 'sourceKind'> & { at: Date })[]): Promise<void> {
  const tags: Parameters<typeof insertIndexRows>[2] = [];
  const mentions: Parameters<typeof insertIndexRows>[3] = [];
  for (const source of sources) {
    const parsed = parseText(source.text ?? '');
    const at = source.at.toISOString();
    for (const tag of parsed.hashtags) tags.push({ sourceId: source.sourceId, accountId: source.accountId, tag, at });
    for (const handle of parsed.mentions) mentions.push({ sourceId: source.sourceId, byAccountId: source.accountId, handle, at });
  }
  await insertIndexRows(tx, sourceKind, tags, mentions);
}
