import { defineConfig } from 'vitest/config';

/**
 * The reliability suite (`npm run test:reliability`): attacks a running local stack with load,
 * faults and bad input. Separate from `npm test` because it is long; CI runs both.
 */
export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', POWERTOOLS_LOG_LEVEL: 'SILENT' },
    include: ['test/reliability/**/*.test.ts'],
    globalSetup: ['test/integration/global-setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
