// TEST HOOK, inert unless the env var is set. XINBAO_TX_CRASH_AFTER_WRITES=N makes the process
// SIGKILL itself right after the N-th write applied by a transaction (counted over the process
// lifetime), i.e. between two writes of one transaction. Only test/integration/dynamo/crash.test.ts
// sets it, to prove that the write-ahead journal undoes a half-applied transaction on restart.
const crashAfter = Number(process.env.XINBAO_TX_CRASH_AFTER_WRITES ?? '0');
let applied = 0;

export function afterTransactionWrite(): void {
  if (crashAfter <= 0) return;
  applied += 1;
  if (applied >= crashAfter) process.kill(process.pid, 'SIGKILL');
}
