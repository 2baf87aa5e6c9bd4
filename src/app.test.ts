import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { buildApp } from './app.js';
import { createTestWorld, type TestWorld } from './testing.js';

describe('the HTTP stack', () => {
  let world: TestWorld;
  before(async () => {
    world = await createTestWorld();
  });
  after(async () => {
    await world.close();
  });

  it('answers /healthz with 200 once ready', async () => {
    const response = await world.app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().status, 'ok');
  });

  it('publishes an OpenAPI 3.1 document that validates and lists the routes', async () => {
    const response = await world.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    assert.equal(response.statusCode, 200);
    const document = response.json();
    assert.equal(document.openapi, '3.1.0');
    const result = await new Validator().validate(document);
    assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2));
    assert.ok(document.paths['/api/v1/accounts'].post);
    assert.ok(document.paths['/api/v1/accounts/{handle}'].get.parameters.some((p: { name: string }) => p.name === 'handle'));
    const docs = await world.app.inject({ method: 'GET', url: '/api/docs/' });
    assert.equal(docs.statusCode, 200);
    assert.match(docs.headers['content-type'] as string, /text\/html/);
  });

  it('answers an unknown route with 404 in the error shape', async () => {
    for (const url of ['/api/v1/nope', '/nope', '/api/v2/x']) {
      const response = await world.app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 404, url);
      assert.equal(response.json().error.code, 'COT_ERR_NOT_FOUND');
      assert.equal(typeof response.json().error.message, 'string');
    }
    const post = await world.app.inject({ method: 'POST', url: '/api/v1/nope', payload: {} });
    assert.equal(post.statusCode, 404);
  });

  it('answers a malformed JSON body with 400 in the error shape', async () => {
    const response = await world.app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: { 'content-type': 'application/json' },
      payload: '{"handle": "ada", ',
    });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.code, 'COT_ERR_MALFORMED_BODY');
  });

  it('answers an unsupported content type with 415 and an oversized body with 413', async () => {
    const xml = await world.app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    assert.equal(xml.statusCode, 415);
    assert.equal(xml.json().error.code, 'COT_ERR_UNSUPPORTED_TYPE');
    const huge = await world.app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ handle: 'x'.repeat(2 * 1024 * 1024) }),
    });
    assert.equal(huge.statusCode, 413);
    assert.equal(huge.json().error.code, 'COT_ERR_TOO_LARGE');
  });

  it('answers a crash with 500 and no stack trace', async () => {
    const config = world.container.config;
    const app = await buildApp(world.container, { webRoot: path.join(config.dataDir, 'none') });
    app.get('/api/v1/boom', async () => {
      throw new Error('secret internals at /srv/app.ts:42');
    });
    await app.ready();
    const response = await app.inject({ method: 'GET', url: '/api/v1/boom' });
    await app.close();
    assert.equal(response.statusCode, 500);
    assert.equal(response.json().error.code, 'COT_ERR_INTERNAL');
    assert.doesNotMatch(response.body, /secret|app\.ts|at /);
  });

  it('sends security headers and a request id, and keeps a sane incoming one', async () => {
    const response = await world.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'trace-1234abcd' } });
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.equal(response.headers['x-frame-options'], 'DENY');
    assert.match(response.headers['content-security-policy'] as string, /default-src 'none'/);
    assert.equal(response.headers['x-request-id'], 'trace-1234abcd');
    const odd = await world.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'bad id\n' } });
    assert.notEqual(odd.headers['x-request-id'], 'bad id\n');
    assert.equal(response.headers['access-control-allow-origin'], undefined, 'CORS is off by default');
  });

  it('serves stored blobs with their type, immutable caching and nosniff; unknown keys are 404', async () => {
    const stored = await world.container.storage.put(Buffer.from('{"a":1}'), 'application/json');
    const response = await world.app.inject({ method: 'GET', url: `/blobs/${stored.key}` });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/json');
    assert.match(response.headers['cache-control'] as string, /immutable/);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.equal(response.body, '{"a":1}');
    for (const key of ['../../etc/passwd', `${'0'.repeat(64)}.png`]) {
      const missing = await world.app.inject({ method: 'GET', url: `/blobs/${encodeURIComponent(key)}` });
      assert.equal(missing.statusCode, 404);
    }
  });

  it('answers cross-origin callers only from the configured origins', async () => {
    const { container } = world;
    const open = { ...container, config: { ...container.config, http: { ...container.config.http, corsOrigins: ['https://shop.example'] } } };
    const app = await buildApp(open, { webRoot: path.join(container.config.dataDir, 'none') });
    await app.ready();
    try {
      const allowed = await app.inject({ method: 'GET', url: '/healthz', headers: { origin: 'https://shop.example' } });
      assert.equal(allowed.headers['access-control-allow-origin'], 'https://shop.example');
      const other = await app.inject({ method: 'GET', url: '/healthz', headers: { origin: 'https://evil.example' } });
      assert.equal(other.headers['access-control-allow-origin'], undefined);
    } finally {
      await app.close();
    }
  });

  it('rate-limits a client that sends too many requests with 429', async () => {
    const { container } = world;
    const strict = { ...container, config: { ...container.config, http: { ...container.config.http, rateLimitPerMinute: 3 } } };
    const app = await buildApp(strict, { webRoot: path.join(container.config.dataDir, 'none') });
    await app.ready();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await app.inject({ method: 'GET', url: '/api/v1/accounts/nobody' })).statusCode);
      assert.deepEqual(statuses, [404, 404, 404, 429]);
      const last = await app.inject({ method: 'GET', url: '/api/v1/accounts/nobody' });
      assert.equal(last.json().error.code, 'COT_ERR_RATE_LIMITED');
      assert.ok(last.headers['retry-after']);
    } finally {
      await app.close();
    }
  });
});

describe('the web app', () => {
  let world: TestWorld;
  let webRoot: string;
  before(async () => {
    world = await createTestWorld();
    webRoot = await mkdtemp(path.join(os.tmpdir(), 'coterie-web-'));
    await mkdir(path.join(webRoot, 'assets'));
    await writeFile(path.join(webRoot, 'index.html'), '<!doctype html><title>Coterie</title><div id="root"></div>');
    await writeFile(path.join(webRoot, 'assets', 'app-abc123.js'), 'console.log(1)');
  });
  after(async () => {
    await world.close();
    await rm(webRoot, { recursive: true, force: true });
  });

  it('serves the single-page app at / and at its client routes, and hashed assets immutably', async () => {
    const app = await buildApp(world.container, { webRoot });
    await app.ready();
    try {
      const home = await app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
      assert.equal(home.statusCode, 200);
      assert.match(home.headers['content-security-policy'] as string, /script-src 'self'/);
      assert.equal(home.headers['cross-origin-opener-policy'], 'same-origin');
      assert.match(home.body, /<div id="root">/);
      const clientRoute = await app.inject({ method: 'GET', url: '/u/alice', headers: { accept: 'text/html,*/*' } });
      assert.equal(clientRoute.statusCode, 200);
      assert.match(clientRoute.body, /<div id="root">/);
      const asset = await app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
      assert.equal(asset.statusCode, 200);
      assert.match(asset.headers['cache-control'] as string, /immutable/);
      const staleAsset = await app.inject({ method: 'GET', url: '/assets/app-old999.js', headers: { accept: 'text/html,*/*' } });
      assert.equal(staleAsset.statusCode, 404);
      const apiMiss = await app.inject({ method: 'GET', url: '/api/v1/nope', headers: { accept: 'text/html' } });
      assert.equal(apiMiss.statusCode, 404);
      assert.equal(apiMiss.json().error.code, 'COT_ERR_NOT_FOUND');
    } finally {
      await app.close();
    }
  });
});
