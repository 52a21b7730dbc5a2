/**
 * Stands in for `@aws-sdk/credential-provider-node` inside the Lambda bundles (an esbuild alias
 * in `bundling.ts`). Every SDK client's runtime config imports the default provider chain
 * statically, with its nested SSO/STS/sign-in clients (~135 KB minified), even when a client is
 * given credentials; a function never needs them, because Lambda puts the role's credentials in
 * the environment. Code run through tsx (the local stack, the CLI) keeps the full chain.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';

export const defaultProvider = (init?: Parameters<typeof fromEnv>[0]) => fromEnv(init);
