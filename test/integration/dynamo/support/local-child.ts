// Runs a local DynamoDB in its own process (for kill -9 tests): prints `READY <endpoint>` once
// serving, closes cleanly on SIGTERM. Usage: node --import tsx local-child.ts <dataDir>
import { startLocalDynamo } from '../../../../infra/local/dynamo';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: local-child.ts <dataDir>');
const local = await startLocalDynamo({ port: 0, dataDir });
process.stdout.write(`READY ${local.endpoint}\n`);
process.once('SIGTERM', () => {
  void local.close().then(() => process.exit(0));
});
