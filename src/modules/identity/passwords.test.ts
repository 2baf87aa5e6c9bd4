import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decoyHash, hashPassword, verifyPassword } from './passwords.js';

describe('passwords', () => {
  it('hashes with a fresh salt and verifies only the right password', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    assert.notEqual(a, b);
    assert.match(a, /^scrypt\$16384\$8\$1\$/);
    assert.equal(await verifyPassword('correct horse battery', a), true);
    assert.equal(await verifyPassword('correct horse batterY', a), false);
  });

  it('treats equivalent Unicode spellings alike and rejects malformed hashes', async () => {
    const hash = await hashPassword('caf\u00e9 au lait!');
    assert.equal(await verifyPassword('cafe\u0301 au lait!', hash), true);
    assert.equal(await verifyPassword('anything', 'md5$abc'), false);
    assert.equal(await verifyPassword('anything', decoyHash), false);
  });
});
