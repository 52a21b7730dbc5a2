import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { AppError, internalErrorBody } from '../errors';
import { logger } from './logger';
import { jsonResponse, securityHeaders, withHeaders } from './responses';

type HttpMiddleware = MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2>;

/** The one place errors become HTTP: typed errors keep their status and code, anything else is a 500 that leaks nothing. */
export function errorResponses(): HttpMiddleware {
  return {
    name: 'errorResponses',
    onError: (request) => {
      const error = request.error;
      if (error instanceof AppError) {
        const body = { error: { code: error.code, message: error.message, details: error.details } };
        const response = jsonResponse(error.status, body);
        request.response = error.headers ? withHeaders(response, error.headers) : response;
        logger.info('request refused', { status: error.status, code: error.code });
        return;
      }
      logger.error('request failed', { error: error instanceof Error ? error : String(error) });
      request.response = jsonResponse(500, internalErrorBody);
    },
  };
}

/** Security headers and the request id on every response, successful or not. */
export function responseHeaders(): HttpMiddleware {
  const finish: HttpMiddleware['after'] = (request) => {
    if (!request.response) return;
    const requestId = request.event.requestContext?.requestId ?? request.context.awsRequestId;
    request.response = withHeaders(request.response, { ...securityHeaders, 'x-request-id': requestId });
  };
  return { name: 'responseHeaders', after: finish, onError: finish };
}

/** One structured line per request: route, status, latency. No token, no body. */
export function accessLog(): HttpMiddleware {
  let started = 0;
  const finish: HttpMiddleware['after'] = (request) => {
    const response = request.response;
    const status = typeof response === 'object' && response !== null ? response.statusCode : 200;
    logger.info('request', {
      routeKey: request.event.routeKey,
      status,
      latencyMs: Date.now() - started,
      requestId: request.event.requestContext?.requestId,
    });
  };
  return {
    name: 'accessLog',
    before: () => {
      started = Date.now();
    },
    after: finish,
    onError: finish,
  };
}
