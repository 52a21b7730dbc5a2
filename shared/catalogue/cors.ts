/**
 * Which browser origins may call the API, and with what: the web console is served from its own
 * origin. Declared once; the CDK app gives it to API Gateway (`corsPreflight`) and the local
 * gateway answers the same way. The origins themselves are configuration
 * (`xinbao:consoleOrigin` in the cloud, the console's local URL in `npm start`).
 */
export const apiCors = {
  allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
  allowHeaders: ['authorization', 'content-type', 'idempotency-key'],
  /** What the console reads from answers: file names of downloads, back-off, tracing. */
  exposeHeaders: ['content-disposition', 'retry-after', 'etag', 'x-request-id'],
  maxAgeSeconds: 600,
} as const;
