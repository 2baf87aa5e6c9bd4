import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { HASHTAG_MAX, MAX_PER_TEXT, normaliseHashtag, parseText } from './text-parser.js';

const HANDLE = /^[a-z0-9][a-z0-9_.]{2,29}$/;
const TAG = /^[\p{L}\p{M}\p{N}_]+$/u;

// Characters that matter to the grammar, mixed with letters from several scripts.
const interesting = fc.constantFrom('#', '@', '.', '_', ' ', '\n', '&', ',', '!', 'a', 'Z', '7', 'é', 'ß', 'İ', 'Σ', 'ж', '東', '😀', '\u0301', 'e');
const noisyText = fc.array(fc.oneof(interesting, fc.string({ maxLength: 3 }), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 60 }).map((parts) => parts.join(''));

const tagChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789_éüñçøжшλ東京', 'Σ', 'É');
const validTag = fc
  .tuple(fc.constantFrom(...'abcxyzéжλ東'), fc.array(tagChar, { maxLength: HASHTAG_MAX - 1 }))
  .map(([first, rest]) => first + rest.join(''));
const validHandle = fc
  .tuple(fc.constantFrom(...'abz09'), fc.array(fc.constantFrom(...'abcxyz019_.'), { minLength: 2, maxLength: 29 }))
  .map(([first, rest]) => (first + rest.join('')).replace(/\.+$/, 'x'))
  .filter((h) => HANDLE.test(h));

describe('the mention and hashtag grammar', () => {
  it('reads the everyday cases', () => {
    assert.deepEqual(parseText('Wore this to @ada.lovelace’s party in Milan #MFW #ootd #mfw!'), {
      hashtags: ['mfw', 'ootd'],
      mentions: ['ada.lovelace'],
    });
    assert.deepEqual(parseText('Ask @bob. Or mail bob@example.com'), { hashtags: [], mentions: ['bob'] });
    assert.deepEqual(parseText('#東京 #Straße #ÉTÉ #2024 #a_1 a#b &#39; ##x #'), { hashtags: ['東京', 'straße', 'été', 'a_1'], mentions: [] });
    assert.deepEqual(parseText('@ab @abc @toolong_handle_of_more_than_thirty @_x1 @Café'), { hashtags: [], mentions: ['abc'] });
    assert.equal(parseText(`#${'a'.repeat(HASHTAG_MAX)}`).hashtags.length, 1);
    assert.equal(parseText(`#${'a'.repeat(HASHTAG_MAX + 1)}`).hashtags.length, 0, 'too long is not a tag, not a cut one');
  });

  it('gives only well-formed, distinct, lower-case tags and handles, whatever the text', () => {
    fc.assert(
      fc.property(noisyText, (text) => {
        const { hashtags, mentions } = parseText(text);
        assert.equal(new Set(hashtags).size, hashtags.length);
        assert.equal(new Set(mentions).size, mentions.length);
        assert.ok(hashtags.length <= MAX_PER_TEXT && mentions.length <= MAX_PER_TEXT);
        for (const tag of hashtags) {
          assert.match(tag, TAG);
          assert.match(tag, /\p{L}/u);
          assert.ok([...tag].length <= HASHTAG_MAX, tag);
          assert.equal(tag, tag.toLowerCase().normalize('NFC'));
        }
        for (const handle of mentions) assert.match(handle, HANDLE);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds exactly the tags and handles a text was written with', () => {
    fc.assert(
      fc.property(fc.array(validTag, { maxLength: 10 }), fc.array(validHandle, { maxLength: 10 }), fc.constantFrom(' ', '\n', ', ', '! '), (tags, handles, gap) => {
        const text = [...tags.map((t) => `#${t}`), ...handles.map((h) => `@${h}`)].join(gap);
        const parsed = parseText(text);
        assert.deepEqual(parsed.hashtags, [...new Set(tags.map((t) => normaliseHashtag(t)))]);
        assert.deepEqual(parsed.mentions, [...new Set(handles)]);
      }),
    );
  });

  it('is stable: writing out what it found and reading it again gives the same', () => {
    fc.assert(
      fc.property(noisyText, (text) => {
        const once = parseText(text);
        const again = parseText([...once.hashtags.map((t) => `#${t}`), ...once.mentions.map((h) => `@${h}`)].join(' '));
        assert.deepEqual(again, once);
      }),
      { numRuns: 2000 },
    );
  });

  it('ignores case in ASCII text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcXYZ09_.#@ !') }), (text) => {
        assert.deepEqual(parseText(text.toUpperCase()), parseText(text.toLowerCase()));
      }),
      { numRuns: 1000 },
    );
  });

  it('never takes a tag or handle glued to the end of a word (emails, anchors, entities)', () => {
    fc.assert(
      fc.property(fc.constantFrom('mail', 'x', 'é', '9', '_', '&', '.'), validTag, validHandle, (word, tag, handle) => {
        if (word !== '.') assert.deepEqual(parseText(`${word}#${tag}`).hashtags, []);
        if (word !== '&') assert.deepEqual(parseText(`${word}@${handle}`).mentions, []);
      }),
    );
  });
});
