/**
 * The grammar of `@mentions` and `#hashtags` in comments, set descriptions and (later) photo captions.
 *
 * The text is NFC-normalised first. Then:
 * - A **hashtag** is `#` followed by a maximal run of word characters (Unicode letters, combining marks,
 *   digits, `_`), where the `#` does not directly follow a word character, `&` or another `#` (so `a#b`,
 *   `&#39;` and `##x` carry none). The run must hold at least one letter and, lower-cased, be 1 to 50
 *   characters (code points); a longer run is not a tag at all rather than a cut-off one. Tags are
 *   stored and compared lower-case, without the `#`.
 * - A **mention** is `@` followed by a maximal run of word characters and dots, where the `@` does not
 *   directly follow a word character, a dot or another `@` (so an email address mentions nobody).
 *   Trailing dots end the sentence, not the handle; the rest, lower-cased, must be a handle as identity
 *   defines one: `^[a-z0-9][a-z0-9_.]{2,29}$`. Anything else (`@é`, `@ab`) is plain text.
 * - Each tag and handle counts once, in order of first appearance, at most `MAX_PER_TEXT` of each.
 */

/** Longest hashtag, in characters. */
export const HASHTAG_MAX = 50;
/** At most this many hashtags and this many mentions are taken from one text. */
export const MAX_PER_TEXT = 30;

const HANDLE = /^[a-z0-9][a-z0-9_.]{2,29}$/;
const HASHTAG_TOKEN = /(?<![\p{L}\p{M}\p{N}_&#])#([\p{L}\p{M}\p{N}_]+)/gu;
const MENTION_TOKEN = /(?<![\p{L}\p{M}\p{N}_.@])@([\p{L}\p{M}\p{N}_.]+)/gu;
const HAS_LETTER = /\p{L}/u;

export interface ParsedText {
  /** Lower case, without `#`. */
  hashtags: string[];
  /** Lower case handles, without `@` (whether such accounts exist is the caller's question). */
  mentions: string[];
}

/** A hashtag as stored (lower case, NFC, without `#`), or null when `raw` is not one. */
export function normaliseHashtag(raw: string): string | null {
  const tag = raw.replace(/^#/, '').normalize('NFC').toLowerCase().normalize('NFC');
  if (!/^[\p{L}\p{M}\p{N}_]+$/u.test(tag) || !HAS_LETTER.test(tag)) return null;
  return [...tag].length <= HASHTAG_MAX ? tag : null;
}

/** The hashtags and mentions a text carries, by the grammar above. */
export function parseText(text: string): ParsedText {
  const normalised = text.normalize('NFC');
  const hashtags = new Set<string>();
  for (const match of normalised.matchAll(HASHTAG_TOKEN)) {
    if (hashtags.size >= MAX_PER_TEXT) break;
    const tag = normaliseHashtag(match[1]!);
    if (tag !== null) hashtags.add(tag);
  }
  const mentions = new Set<string>();
  for (const match of normalised.matchAll(MENTION_TOKEN)) {
    if (mentions.size >= MAX_PER_TEXT) break;
    const handle = match[1]!.replace(/\.+$/, '').toLowerCase();
    if (HANDLE.test(handle)) mentions.add(handle);
  }
  return { hashtags: [...hashtags], mentions: [...mentions] };
}
