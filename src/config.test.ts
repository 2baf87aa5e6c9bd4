import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('has working defaults: ./data, port 8080, embedded database, in-process bus, local storage', () => {
    const config = loadConfig({});
    assert.equal(config.dataDir, path.resolve('./data'));
    assert.equal(config.http.port, 8080);
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.natsUrl, undefined);
    assert.deepEqual(config.storage, { kind: 'local' });
    assert.deepEqual(config.http.corsOrigins, []);
    assert.equal(config.whatsapp.graphUrl, 'https://graph.facebook.com/v21.0');
  });

  it('lets flags override the environment', () => {
    const config = loadConfig({ PORT: '9000', COTERIE_DATA: '/tmp/a' }, { port: '9100', dataDir: '/tmp/b' });
    assert.equal(config.http.port, 9100);
    assert.equal(config.dataDir, '/tmp/b');
  });

  it('stops on a bad value with one line naming the setting', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ PORT: 'eighty' }, /^invalid setting --port\/PORT: .*\(got "eighty"\)$/],
      [{ PORT: '70000' }, /--port\/PORT/],
      [{ DATABASE_URL: 'mysql://x' }, /^invalid setting DATABASE_URL: must be a URL starting with postgres:\/\//],
      [{ NATS_URL: 'http://x' }, /NATS_URL/],
      [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
      [{ COTERIE_STORAGE: 's3' }, /s3 needs S3_REGION, S3_BUCKET/],
      [{ WHATSAPP_GRAPH_URL: 'not a url' }, /WHATSAPP_GRAPH_URL/],
    ];
    for (const [env, pattern] of cases) {
      assert.throws(
        () => loadConfig(env),
        (error: unknown) => error instanceof ConfigError && pattern.test(error.message) && !error.message.includes('\n'),
        JSON.stringify(env),
      );
    }
  });

  it('never echoes a secret in its error', () => {
    assert.throws(
      () => loadConfig({ DATABASE_URL: 'mysql://user:hunter2@db' }),
      (error: unknown) => error instanceof ConfigError && !error.message.includes('hunter2'),
    );
  });

  it('reads CORS origins and the S3 settings', () => {
    const config = loadConfig({
      COTERIE_CORS_ORIGINS: 'https://a.example, https://b.example',
      COTERIE_STORAGE: 's3',
      S3_REGION: 'eu-west-1',
      S3_BUCKET: 'coterie',
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'secret',
    });
    assert.deepEqual(config.http.corsOrigins, ['https://a.example', 'https://b.example']);
    assert.equal(config.storage.kind, 's3');
  });
});
