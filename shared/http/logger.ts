import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One logger per function process. Log lines carry ids, roles, routes and timings only:
 * never token values, never item text.
 */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'xinbao' });
