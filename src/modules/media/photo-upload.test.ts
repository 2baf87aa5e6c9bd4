import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { RequestContext } from '../../platform/http/context.js';
import { AppError } from '../../platform/http/errors.js';
import { createTestWorld, joinAs, type TestMember, type TestWorld } from '../../testing.js';
import { phonePhoto } from './intake/testing.js';
import { createMediaService } from './media.service.js';
import type { ModerationVerdict } from './moderation.js';

async function blobFiles(world: TestWorld): Promise<number> {
  const entries = await readdir(path.join(world.container.config.dataDir, 'blobs'), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).length;
}

describe('posting photos: moderation and recognition seams', () => {
  let world: TestWorld;
  let ada: TestMember;
  let ctx: RequestContext;

  before(async () => {
    world = await createTestWorld();
    ada = await joinAs(world, 'ada');
    ctx = {
      actor: { id: ada.account.id, handle: 'ada', kind: 'member', eip: false, via: 'cookie', sessionId: 'test' },
      requestId: 'test',
      log: world.container.log,
    };
  });
  after(() => world.close());

  const deps = () => ({ database: world.container.database, catalog: world.container.catalog, storage: world.container.storage });
  const rows = (text: string, params: unknown[] = []) => world.container.database.query(text, params);

  it('rejects what the classifier calls unsafe (422 with the reason), records the decision, and writes no photo', async () => {
    // A stand-in classifier: the real one is handed in by the container; this one decides by the test's rule.
    const verdict: ModerationVerdict = { unsafe: true, label: 'Porn', score: 0.97, threshold: 0.8, model: 'test-classifier' };
    const media = createMediaService({ ...deps(), moderate: async () => verdict });
    const image = await phonePhoto({ shade: 21 });
    await assert.rejects(
      media.postPhoto(ctx, async () => ({ image, caption: 'nope' })),
      (error: unknown) => error instanceof AppError && error.status === 422 && /Porn/.test(error.message),
    );
    const decisions = await rows('select decision, label, score, threshold, model, account_id, photo_id from photo_moderation');
    assert.equal(decisions.length, 1);
    assert.deepEqual(
      { ...decisions[0], score: Math.round(Number(decisions[0]!.score) * 100) / 100 },
      { decision: 'rejected', label: 'Porn', score: 0.97, threshold: 0.8, model: 'test-classifier', account_id: ada.account.id, photo_id: null },
    );
    assert.equal((await rows('select count(*)::int as n from photos where author_id = $1', [ada.account.id]))[0]!.n, 0);
  });

  it('posts what the classifier allows, links the decision to the photo, then hands the photo to recognition after commit', async () => {
    const seen: { id: string; committed: boolean; jpeg: number }[] = [];
    const media = createMediaService({
      ...deps(),
      moderate: async () => ({ unsafe: false, label: 'Neutral', score: 0.91, threshold: 0.8, model: 'test-classifier' }),
      recognise: async (photoId, jpeg) => {
        const found = await rows('select id from photos where id = $1', [photoId]);
        seen.push({ id: photoId, committed: found.length === 1, jpeg: jpeg.length });
      },
    });
    const photo = await media.postPhoto(ctx, async () => ({ image: await phonePhoto({ shade: 22 }), caption: '' }));
    await media.recognitionSettled();
    assert.deepEqual(seen.map((s) => [s.id, s.committed]), [[photo.id, true]]);
    assert.ok(seen[0]!.jpeg > 0);
    const [decision] = await rows("select decision, photo_id from photo_moderation where decision = 'allowed'");
    assert.deepEqual(decision, { decision: 'allowed', photo_id: photo.id });
  });

  it('keeps posting when recognition fails: the photo stands', async () => {
    const media = createMediaService({ ...deps(), recognise: async () => Promise.reject(new Error('model not loaded')) });
    const photo = await media.postPhoto(ctx, async () => ({ image: await phonePhoto({ shade: 23 }), caption: '' }));
    await media.recognitionSettled();
    assert.equal((await rows('select status from photos where id = $1', [photo.id]))[0]!.status, 'published');
  });

  it('rolls the post back whole when the write fails, leaving no blobs behind', async () => {
    const media = createMediaService(deps());
    const image = await phonePhoto({ shade: 24 });
    // An author whose account vanished mid-request: the insert finds no account and the whole post rolls back.
    const ghost: RequestContext = { ...ctx, actor: { ...ctx.actor!, id: '00000000-0000-4000-8000-00000000dead' } };
    const before = await rows('select count(*)::int as n from photos');
    const files = await blobFiles(world);
    await assert.rejects(media.postPhoto(ghost, async () => ({ image, caption: '#ghost' })), (error: unknown) => error instanceof AppError && error.status === 401);
    assert.deepEqual(await rows('select count(*)::int as n from photos'), before);
    assert.equal(await blobFiles(world), files, 'the blobs stored for it are removed');
    assert.equal((await rows("select count(*)::int as n from hashtag_uses where tag = 'ghost'"))[0]!.n, 0);
  });
});
