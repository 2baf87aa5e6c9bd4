import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fetchPublic, isNonPublicAddress } from './public-fetch.js';

describe('fetching only public addresses', () => {
  it('classifies private, loopback, link-local, mapped and documentation ranges as non-public', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', 'not-an-ip']) {
      assert.equal(isNonPublicAddress(address), true, address);
    }
    for (const address of ['8.8.8.8', '151.101.1.69', '2606:4700::6810:85e5', '::ffff:8.8.8.8']) {
      assert.equal(isNonPublicAddress(address), false, address);
    }
  });

  let server: ReturnType<typeof createServer>;
  let port = 0;
  let hits = 0;
  before(async () => {
    server = createServer((_request, response) => {
      hits++;
      response.end('secret');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('never connects to a local server, whether named by IP, by a name that resolves to it, or in IPv6 form', async () => {
    for (const url of [`http://127.0.0.1:${port}/`, `http://localhost:${port}/`, `http://[::ffff:127.0.0.1]:${port}/`, `http://[::1]:${port}/`]) {
      await assert.rejects(fetchPublic(url, { signal: AbortSignal.timeout(5000) }), /non-public/, url);
    }
    await assert.rejects(fetchPublic('file:///etc/passwd', { signal: AbortSignal.timeout(5000) }), /not fetched/);
    assert.equal(hits, 0);
  });
});
