import vue from '@vitejs/plugin-vue';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import Components from 'unplugin-vue-components/vite';
import { defineConfig } from 'vitest/config';

/**
 * Test tiers. `unit` runs with no services; `integration` and `e2e` start the real local
 * emulators (global setup) on free ports; `infra` synthesizes the CDK app; `console` tests the web
 * console's modules and components in happy-dom.
 */
export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', POWERTOOLS_LOG_LEVEL: 'SILENT' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          env: {
            TABLE_NAME: 'unit-test-table',
            ATTACHMENTS_BUCKET: 'unit-test-attachments',
            ARCHIVE_BUCKET: 'unit-test-archive',
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        plugins: [
          vue(),
          Components({ resolvers: [ElementPlusResolver({ importStyle: false })], dts: false }),
        ],
        // The SDK's browser build, as Vite bundles it for the console (fetch, not node:http).
        resolve: { mainFields: ['browser', 'module', 'main'] },
        test: {
          name: 'console',
          include: ['console/src/**/*.test.ts'],
          environment: 'happy-dom',
          server: { deps: { inline: [/@aws-sdk\//, /@smithy\//] } },
        },
      },
      {
        extends: true,
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          // The console's build is an asset of XinbaoConsole: built once here when stale.
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
