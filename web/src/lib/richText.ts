/**
 * Member-written text with `@handles` and `#hashtags` picked out, so they can be shown as links.
 * The grammar is the server's (text-parser.ts), so a link appears exactly where the server indexed:
 * - a hashtag is `#` and a run of letters, marks, digits and `_`, not right after a word character,
 *   `&` or `#`, holding a letter and at most 50 characters;
 * - a mention is `@` and a run of word characters and dots, not right after a word character, a dot
 *   or `@`; trailing dots end the sentence, and what is left must be a handle (3 to 30 characters).
 */
export type RichToken =
  | { kind: 'text'; text: string }
  | { kind: 'mention'; text: string; handle: string }
  | { kind: 'hashtag'; text: string; tag: string };

const TOKEN = /(?<![\p{L}\p{M}\p{N}_&#])#([\p{L}\p{M}\p{N}_]+)|(?<![\p{L}\p{M}\p{N}_.@])@([\p{L}\p{M}\p{N}_.]+)/gu;
const HANDLE = /^[a-z0-9][a-z0-9_.]{2,29}$/;
const HAS_LETTER = /\p{L}/u;
const HASHTAG_MAX = 50;

export interface KnownTokens {
  /** Handles the server recognised; others stay plain text. Any well-formed handle when left out. */
  mentions?: string[];
  /** Tags the server recognised; any well-formed tag when left out. */
  hashtags?: string[];
}

export function richTokens(text: string, known: KnownTokens = {}): RichToken[] {
  const mentions = known.mentions && new Set(known.mentions.map((h) => h.toLowerCase()));
  const hashtags = known.hashtags && new Set(known.hashtags.map((t) => t.toLowerCase()));
  const tokens: RichToken[] = [];
  let plain = '';
  let last = 0;
  const flush = () => {
    if (plain) tokens.push({ kind: 'text', text: plain });
    plain = '';
  };

  for (const match of text.normalize('NFC').matchAll(TOKEN)) {
    const [found, tagRun, mentionRun] = match;
    plain += match.input.slice(last, match.index);
    last = match.index + found.length;
    if (tagRun !== undefined) {
      const tag = tagRun.toLowerCase();
      if (HAS_LETTER.test(tag) && [...tag].length <= HASHTAG_MAX && (!hashtags || hashtags.has(tag))) {
        flush();
        tokens.push({ kind: 'hashtag', text: found, tag });
      } else plain += found;
      continue;
    }
    const written = (mentionRun ?? '').replace(/\.+$/, '');
    const handle = written.toLowerCase();
    if (HANDLE.test(handle) && (!mentions || mentions.has(handle))) {
      flush();
      tokens.push({ kind: 'mention', text: `@${written}`, handle });
      plain += found.slice(written.length + 1);
    } else plain += found;
  }
  plain += text.normalize('NFC').slice(last);
  flush();
  return tokens;
}
