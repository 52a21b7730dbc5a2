/**
 * Stands in for `@smithy/core/event-streams` inside the Lambda bundles (an esbuild alias in
 * `bundling.ts`). Every SDK protocol imports it lazily for event-stream operations
 * (SelectObjectContent, InvokeWithResponseStream …), ~15 KB minified per bundle; no Xinbao
 * function calls one, so asking for it is a programming error and says so.
 */
const unused = (): never => {
  throw new Error('AWS SDK event streams are left out of the Xinbao bundles (infra/cdk/stand-ins)');
};

export class EventStreamSerde {
  constructor() {
    unused();
  }
}

/** Clients with event-stream operations (S3, Lambda) make a marshaller when built: one that refuses. */
export const eventStreamSerdeProvider = () => ({ serialize: unused, deserialize: unused });

export const resolveEventStreamSerdeConfig = <T extends object>(input: T) =>
  Object.assign(input, { eventStreamMarshaller: eventStreamSerdeProvider() });
