// A describe worker (see describe-pool.ts): loads the embedding model once, then describes each
// catalogue image it is sent and answers with plain arrays (structured clone copies them).
import { parentPort, workerData } from 'node:worker_threads';
import { loadNsfwModel } from '../../platform/ml/index.js';
import type { PaletteEntry } from './colour.js';
import type { DescribeAnswer, DescribeRequest } from './describe-pool.js';
import { describeCatalogueImage, EMBEDDING_VARIANT } from './descriptors.js';

const { palette } = workerData as { palette: PaletteEntry[] };
const model = loadNsfwModel(EMBEDDING_VARIANT);

parentPort?.on('message', (request: DescribeRequest) => {
  void (async () => {
    let answer: DescribeAnswer;
    try {
      const d = await describeCatalogueImage(Buffer.from(request.bytes), palette, await model);
      answer = { id: request.id, ok: true, description: { embedding: d.embedding, colour: { hist: Array.from(d.colour.hist), colours: d.colour.colours }, localFeatures: d.localFeatures } };
    } catch (error) {
      answer = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    parentPort!.postMessage(answer);
  })();
});
