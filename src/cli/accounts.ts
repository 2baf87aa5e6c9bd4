import type { Config } from '../config.js';
import { createContainer } from '../container.js';
import type { ActorKind } from '../platform/http/context.js';

/** `coterie accounts grant HANDLE KIND`: makes an account an admin, buyer, stylist … (the first admin starts here). */
export async function runGrantKind(config: Config, handle: string, kind: ActorKind): Promise<void> {
  const container = await createContainer(config);
  try {
    const account = await container.identity.grantKind(handle, kind);
    await container.outbox.flush();
    process.stdout.write(`@${account.handle} is now ${account.kind === 'admin' ? 'an' : 'a'} ${account.kind}\n`);
  } finally {
    await container.close();
  }
}
