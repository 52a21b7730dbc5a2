import { afterAll, beforeAll, describe } from 'vitest';
import { type LocalDynamo, startLocalDynamo } from '../../../infra/local/dynamo';
import { conformanceChecks, type Target } from './support/checks';
import { clientsFor } from './support/clients';
import { hasMoto, type Moto, startMoto } from './support/moto';

// One suite, two endpoints: our emulator must meet the documented DynamoDB behaviour; moto is the
// reference, with its observed differences recorded in MOTO_DEVIATIONS (support/checks.ts).

describe('transactions conformance: local dynalite + front', { timeout: 30_000 }, () => {
  let local: LocalDynamo | undefined;
  let target: Target | undefined;
  beforeAll(async () => {
    local = await startLocalDynamo({ port: 0 });
    target = { name: 'local', clients: clientsFor(local.endpoint) };
  });
  afterAll(async () => {
    target?.clients.client.destroy();
    await local?.close();
  });
  conformanceChecks(() => required(target));
});

describe.runIf(hasMoto)('transactions conformance: moto_server (reference)', { timeout: 30_000 }, () => {
  let moto: Moto | undefined;
  let target: Target | undefined;
  beforeAll(async () => {
    moto = await startMoto();
    target = { name: 'moto', clients: clientsFor(moto.endpoint) };
  }, 30_000);
  afterAll(async () => {
    target?.clients.client.destroy();
    await moto?.stop();
  });
  conformanceChecks(() => required(target));
});

function required(target: Target | undefined): Target {
  if (!target) throw new Error('endpoint did not start');
  return target;
}
