// cognito-local in its own Node process, started by infra/local/services/cognito.ts with its
// working directory in the data folder (its state lives in `.cognito/` there).
// The IPC channel closes when the parent dies, even by SIGKILL: never outlive it.
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
require(process.argv[2]);
