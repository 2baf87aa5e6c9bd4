/**
 * TensorFlow.js on its WebAssembly backend, offline: the .wasm files are read from the package's own
 * dist folder (never a CDN), SIMD on, one thread (tfjs-node cannot be installed here; the pure-JS CPU
 * backend is 20–28× slower).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

const require = createRequire(import.meta.url);

let ready: Promise<typeof tf> | undefined;

/** The tfjs namespace once the WASM backend is up (idempotent; the first call does the work). */
export function initTensorflow(): Promise<typeof tf> {
  ready ??= (async () => {
    const dist = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
    setWasmPaths(`${dist}${path.sep}`);
    // Quiet the "Hi there" banner and the platform warnings tfjs prints in Node.
    tf.env().set('IS_TEST', false);
    if (!(await tf.setBackend('wasm'))) throw new Error('the TensorFlow.js WASM backend did not start');
    await tf.ready();
    return tf;
  })();
  return ready;
}

export { tf };
