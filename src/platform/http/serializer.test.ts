import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { serializerCompiler } from './serializer.js';

const compile = (schema: z.ZodType) => serializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' });

describe('response serializer', () => {
  it('writes only the declared fields, so a forgotten private field never leaves', () => {
    const stringify = compile(z.object({ handle: z.string(), email: z.string().optional(), bio: z.string().nullable() }));
    const out = JSON.parse(stringify({ handle: 'ada', bio: null, password_hash: 'scrypt$…', email: undefined }));
    assert.deepEqual(out, { handle: 'ada', bio: null });
  });

  it('keeps nested arrays and objects, enums and numbers', () => {
    const stringify = compile(
      z.object({ items: z.array(z.object({ kind: z.enum(['a', 'b']), n: z.number().int() })), total: z.number() }),
    );
    assert.deepEqual(JSON.parse(stringify({ items: [{ kind: 'a', n: 1, extra: true }], total: 1.5 })), {
      items: [{ kind: 'a', n: 1 }],
      total: 1.5,
    });
  });

  it('refuses a response missing a required field instead of sending half of it', () => {
    const stringify = compile(z.object({ id: z.string(), handle: z.string() }));
    assert.throws(() => stringify({ id: 'x' }));
  });

  it('falls back to zod for what JSON Schema cannot say', () => {
    const stringify = compile(z.object({ at: z.date() }));
    assert.equal(typeof stringify({ at: new Date(0) }), 'string');
  });
});
