// s3rver in its own Node process. The parent starts it with --openssl-legacy-provider: s3rver
// encrypts ListObjectsV2 continuation tokens with DES, which OpenSSL 3 keeps in the legacy provider.
import S3rver from 's3rver';

const [directory, port, address] = process.argv.slice(2);
const server = new S3rver({ directory, port: Number(port), address, silent: true });

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.close().catch(() => {});
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// The IPC channel closes when the parent dies, even by SIGKILL: never outlive it.
process.on('disconnect', stop);

const bound = await server.run();
process.send?.({ ready: true, port: bound.port });
