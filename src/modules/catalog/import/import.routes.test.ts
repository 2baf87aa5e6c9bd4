import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { readdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { createHttpServer } from '../../../platform/http/server.js';
import { BOUNDARY, createTestWorld, multipart, sessionCookieFrom, type TestWorld } from '../../../testing.js';
import { catalogImportRoutes } from './import.routes.js';
import { createCatalogImportService } from './import.service.js';
import { csvFeed, dressRow } from './testing.js';

describe('catalogue imports over HTTP', () => {
  let world: TestWorld;
  let images: Server;
  let imageBase = '';
  let member = '';
  let buyer = '';

  async function join(handle: string): Promise<string> {
    const response = await world.app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { handle, email: `${handle}@example.com`, password: 'correct horse battery' },
    });
    assert.equal(response.statusCode, 201, response.body);
    return sessionCookieFrom(response);
  }

  const post = (cookie: string, body: { payload: Buffer | string; headers: Record<string, string> }) =>
    world.app.inject({ method: 'POST', url: '/api/v1/admin/catalog/imports', payload: body.payload, headers: { ...body.headers, cookie } });

  async function settled(cookie: string, id: string) {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const response = await world.app.inject({ method: 'GET', url: `/api/v1/admin/catalog/imports/${id}`, headers: { cookie } });
      assert.equal(response.statusCode, 200, response.body);
      const report = response.json().import as { status: string; created: number; rejected: number; errors: { line: number; field: string; reason: string }[] };
      if (report.status !== 'running') return report;
      if (Date.now() > deadline) throw new Error('the import did not finish');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  before(async () => {
    // The image server of these tests listens on 127.0.0.1: allowed here, refused by default (see below).
    world = await createTestWorld({ ...process.env, COTERIE_IMPORT_PRIVATE_URLS: 'true' });
    const jpeg = await sharp({ create: { width: 80, height: 100, channels: 3, background: '#553311' } }).jpeg().toBuffer();
    images = createServer((_request, response) => response.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg));
    await new Promise<void>((resolve) => images.listen(0, '127.0.0.1', resolve));
    imageBase = `http://127.0.0.1:${(images.address() as AddressInfo).port}`;
    member = await join('importer.member');
    buyer = await join('importer.buyer');
    await world.container.database.query("update accounts set kind = 'buyer' where handle = 'importer.buyer'");
  });
  after(async () => {
    images.closeAllConnections();
    await new Promise((resolve) => images.close(resolve));
    await world.close();
  });

  it('answers 401 without a session and 403 for a member', async () => {
    const body = multipart('feed', 'feed.csv', csvFeed([dressRow('A1')]));
    assert.equal((await post('', body)).statusCode, 401);
    const forbidden = await post(member, body);
    assert.equal(forbidden.statusCode, 403);
    assert.equal(forbidden.json().error.code, 'COT_ERR_FORBIDDEN');
    for (const url of ['/api/v1/admin/catalog/imports', '/api/v1/admin/catalog/imports/00000000-0000-4000-8000-000000000000']) {
      assert.equal((await world.app.inject({ method: 'GET', url, headers: { cookie: member } })).statusCode, 403);
    }
  });

  it('answers 415 for a body that is not multipart or a file that is not a feed, and 400 for a missing feed', async () => {
    const json = await post(buyer, { payload: JSON.stringify({ feed: 'x' }), headers: { 'content-type': 'application/json' } });
    assert.equal(json.statusCode, 415);
    assert.equal(json.json().error.code, 'COT_ERR_UNSUPPORTED_TYPE');
    const xml = await post(buyer, multipart('feed', 'feed.xml', '<rss/>'));
    assert.equal(xml.statusCode, 415);
    assert.match(xml.json().error.message, /\.csv, \.tsv or \.jsonl/);
    const wrongField = await post(buyer, multipart('file', 'feed.csv', 'id\n'));
    assert.equal(wrongField.statusCode, 400);
    assert.equal(wrongField.json().error.details[0].field, 'body.file');
    const empty = await post(buyer, { payload: `--${BOUNDARY}--\r\n`, headers: multipart('feed', 'x.csv', '').headers });
    assert.equal(empty.statusCode, 400);
  });

  it('accepts a feed with 202 and the running report, imports it in the background, and refuses local image paths', async () => {
    const feed = csvFeed([dressRow('API-1', { image_link: `${imageBase}/a.jpg` }), dressRow('API-2', { image_link: 'images/local.jpg' })]);
    const response = await post(buyer, multipart('feed', 'spring.csv', feed));
    assert.equal(response.statusCode, 202, response.body);
    const started = response.json().import;
    assert.equal(started.status, 'running');
    assert.equal(started.source, 'spring.csv');
    const report = await settled(buyer, started.id as string);
    assert.equal(report.status, 'completed');
    assert.deepEqual([report.created, report.rejected], [1, 1]);
    assert.deepEqual([report.errors[0]?.line, report.errors[0]?.field], [3, 'image_link']);
    assert.match(report.errors[0]!.reason, /uploaded feed has no folder beside it/);
    const [image] = await world.container.database.query<{ width: number }>("select width from product_images where product_id = 'API-1'");
    assert.equal(image?.width, 80);
    // The uploaded file is removed once imported (just after the report is final).
    const folder = path.join(world.container.config.dataDir, 'imports');
    for (let i = 0; i < 100 && (await readdir(folder)).length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(await readdir(folder), []);

    const list = await world.app.inject({ method: 'GET', url: '/api/v1/admin/catalog/imports', headers: { cookie: buyer } });
    assert.equal(list.statusCode, 200);
    assert.equal(list.json().imports[0].id, started.id);
    const missing = await world.app.inject({ method: 'GET', url: '/api/v1/admin/catalog/imports/00000000-0000-4000-8000-000000000000', headers: { cookie: buyer } });
    assert.equal(missing.statusCode, 404);
    const badId = await world.app.inject({ method: 'GET', url: '/api/v1/admin/catalog/imports/not-a-uuid', headers: { cookie: buyer } });
    assert.equal(badId.statusCode, 400);
  });

  it('answers 413 for a feed over the size limit and keeps no partial file', async () => {
    const dataDir = world.container.config.dataDir;
    const imports = createCatalogImportService({ ...world.container, dataDir, log: world.container.log, maxUploadBytes: 1000 });
    const app = await createHttpServer({
      logger: world.container.log,
      authenticate: (token, via) => world.container.identity.authenticate(token, via),
      rateLimitPerMinute: 1000,
      corsOrigins: [],
      version: 'test',
      webRoot: path.join(dataDir, 'no-web'),
    });
    await app.register(async (api) => api.register(catalogImportRoutes, { imports, maxUploadBytes: 1000 }), { prefix: '/api/v1' });
    try {
      const body = multipart('feed', 'big.csv', csvFeed(Array.from({ length: 40 }, (_, i) => dressRow(`BIG${i}`))));
      const response = await app.inject({ method: 'POST', url: '/api/v1/admin/catalog/imports', payload: body.payload, headers: { ...body.headers, cookie: buyer } });
      assert.equal(response.statusCode, 413);
      assert.equal(response.json().error.code, 'COT_ERR_TOO_LARGE');
      assert.deepEqual(await readdir(path.join(dataDir, 'imports')), []);
    } finally {
      await app.close();
      await imports.close();
    }
  });

  it('refuses image links to private or local addresses in uploaded feeds by default', async () => {
    const dataDir = world.container.config.dataDir;
    const imports = createCatalogImportService({ ...world.container, dataDir, log: world.container.log });
    const app = await createHttpServer({
      logger: world.container.log,
      authenticate: (token, via) => world.container.identity.authenticate(token, via),
      rateLimitPerMinute: 1000,
      corsOrigins: [],
      version: 'test',
      webRoot: path.join(dataDir, 'no-web'),
    });
    await app.register(async (api) => api.register(catalogImportRoutes, { imports }), { prefix: '/api/v1' });
    try {
      const port = (images.address() as AddressInfo).port;
      const feed = csvFeed([dressRow('SSRF-1', { image_link: `${imageBase}/a.jpg` }), dressRow('SSRF-2', { image_link: `http://localhost:${port}/a.jpg` })]);
      const body = multipart('feed', 'ssrf.csv', feed);
      const response = await app.inject({ method: 'POST', url: '/api/v1/admin/catalog/imports', payload: body.payload, headers: { ...body.headers, cookie: buyer } });
      assert.equal(response.statusCode, 202, response.body);
      const report = await settled(buyer, response.json().import.id as string);
      assert.deepEqual([report.created, report.rejected], [0, 2]);
      for (const error of report.errors) {
        assert.equal(error.field, 'image_link');
        assert.match(error.reason, /non-public address/);
      }
    } finally {
      await app.close();
      await imports.close();
    }
  });

  it('describes the upload as multipart/form-data in the OpenAPI document', async () => {
    const doc = (await world.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const upload = doc.paths['/api/v1/admin/catalog/imports'].post;
    assert.ok(upload.requestBody.content['multipart/form-data'], JSON.stringify(upload.requestBody));
    assert.ok(upload.responses['202']);
  });
});
