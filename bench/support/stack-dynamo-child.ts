/**
 * Local DynamoDB (dynalite behind the transaction front) in its own process, in memory, for the
 * benches: the loader and the code measured then use one core and the store the other.
 * Reports its port over IPC; exits when its parent goes away.
 */
import { startLocalDynamo } from '../../infra/local/dynamo/index';

const dynamo = await startLocalDynamo({ port: 0, host: '127.0.0.1' });
process.send?.({ endpoint: dynamo.endpoint });
const stop = () => void dynamo.close().finally(() => process.exit(0));
process.on('disconnect', stop);
process.on('SIGTERM', stop);
