/**
 * Stands in for `@aws-sdk/middleware-endpoint-discovery` inside the Lambda bundles (an esbuild
 * alias in `bundling.ts`). The DynamoDB client wires endpoint discovery (an endpoint cache with
 * its LRU library) although no DynamoDB operation requires it and it is off unless configured;
 * the functions always use the regional endpoint (or AWS_ENDPOINT_URL_DYNAMODB locally).
 */
interface DiscoveryInput {
  endpointDiscoveryEnabled?: boolean;
}

export const NODE_ENDPOINT_DISCOVERY_CONFIG_OPTIONS = {
  environmentVariableSelector: (): undefined => undefined,
  configFileSelector: (): undefined => undefined,
  default: false,
};

export const resolveEndpointDiscoveryConfig = <T extends DiscoveryInput>(input: T, _options: unknown) => {
  if (input.endpointDiscoveryEnabled) {
    throw new Error('DynamoDB endpoint discovery is left out of the Xinbao bundles (infra/cdk/stand-ins)');
  }
  return Object.assign(input, {
    endpointDiscoveryEnabled: () => Promise.resolve(false),
    isClientEndpointDiscoveryEnabled: false,
  });
};

const noPlugin = () => ({ applyToStack: () => undefined });
export const getEndpointDiscoveryPlugin = noPlugin;
export const getEndpointDiscoveryRequiredPlugin = noPlugin;
export const getEndpointDiscoveryOptionalPlugin = noPlugin;
export const endpointDiscoveryMiddlewareOptions = { name: 'endpointDiscoveryMiddleware' };
