/** A start-up failure the user can fix (a busy port, a wrong folder): its message is the whole story. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}
