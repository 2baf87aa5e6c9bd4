import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { productLook, renderProductImage, seededRng } from '../../seed/images/index.js';
import { composeMemberPhoto } from '../../seed/photos/index.js';
import { Random } from '../../seed/random.js';
import { decideModeration, DEFAULT_MODERATION_THRESHOLD, moderateImage } from './moderation.js';

const scores = (s: Partial<Record<'Drawing' | 'Hentai' | 'Neutral' | 'Porn' | 'Sexy', number>>) => ({ Drawing: 0, Hentai: 0, Neutral: 0, Porn: 0, Sexy: 0, ...s });

describe('moderation', { timeout: 120_000 }, () => {
  it('blocks on Porn and Hentai together, never on Sexy alone', () => {
    assert.equal(decideModeration(scores({ Sexy: 0.99, Neutral: 0.01 })).allowed, true);
    const blocked = decideModeration(scores({ Porn: 0.6, Hentai: 0.3, Neutral: 0.1 }));
    assert.deepEqual([blocked.allowed, blocked.label, blocked.threshold], [false, 'Porn', DEFAULT_MODERATION_THRESHOLD]);
    assert.ok(Math.abs(blocked.score - 0.9) < 1e-9);
    const allowed = decideModeration(scores({ Porn: 0.5, Neutral: 0.5 }));
    assert.equal(allowed.allowed, true);
    assert.equal(decideModeration(scores({ Porn: 0.5, Neutral: 0.5 }), 0.4).allowed, false);
  });

  it('lets generated product images and member photos through', async () => {
    const rng = seededRng('moderation-tests');
    const random = new Random(3, 'moderation-tests');
    for (const category of ['dresses', 'tops', 'swimwear', 'lingerie', 'bags'] as const) {
      const look = productLook(rng, category);
      const product = await renderProductImage(look);
      const verdict = await moderateImage(product.jpeg);
      assert.equal(verdict.allowed, true, `${category} product image: ${JSON.stringify(verdict.scores)}`);
      const photo = await composeMemberPhoto([{ productId: 'p', look }], random);
      const onPhoto = await moderateImage(photo.jpeg);
      assert.equal(onPhoto.allowed, true, `${category} member photo: ${JSON.stringify(onPhoto.scores)}`);
      assert.equal(onPhoto.model, 'nsfwjs/MobileNetV2');
    }
  });
});
