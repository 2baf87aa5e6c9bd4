import { randomBytes } from 'node:crypto';
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import type { EventBus } from './bus.js';
import { runBusContract, recordingLogger, type LogLine } from './bus.contract.js';
import { connectNatsBus } from './nats.js';
import { deleteStream } from './nats-setup.js';
import { openTestBus } from './testing.js';

const url = process.env['NATS_URL'];

if (url === undefined || url === '') {
  it('NATS bus contract', { skip: 'set NATS_URL to run the NATS contract' }, () => undefined);
} else {
  runBusContract('nats', async () => {
    // A stream and subjects of its own per test, so tests can run in parallel and leave nothing.
    const suffix = randomBytes(6).toString('hex');
    const stream = `COTERIE_TEST_${suffix}`;
    const subjectPrefix = `coterie-test-${suffix}`;
    const logged: LogLine[] = [];
    const opened: EventBus[] = [];
    return {
      logged,
      async open() {
        const bus = await connectNatsBus({ url, stream, subjectPrefix, retryBackoffMs: 50, logger: recordingLogger(logged) });
        opened.push(bus);
        return bus;
      },
      async dispose() {
        await Promise.all(opened.map((bus) => bus.close()));
        await deleteStream(url, stream);
      },
    };
  });

  it('openTestBus leaves no stream behind once closed', async () => {
    const bus = await openTestBus({ natsUrl: url });
    await bus.publish([{ id: 'only', type: 'test.happened', occurredAt: new Date().toISOString(), data: null }]);
    await bus.close();
    const nc = await connect({ servers: url });
    try {
      const jsm = await jetstreamManager(nc);
      await assert.rejects(jsm.streams.info(bus.stream!), /not found/);
    } finally {
      await nc.close();
    }
  });
}
