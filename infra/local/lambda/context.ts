import { randomBytes } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { localAccountId, localRegion } from '../aws';

export interface FunctionSpec {
  memoryMb: number;
  timeoutSeconds: number;
}

export const localFunctionName = (name: string) => `xinbao-${name}`;

function logStreamName(now: Date): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '/');
  return `${day}/[$LATEST]${randomBytes(16).toString('hex')}`;
}

const unsupported = (what: string) => () => {
  throw new Error(`context.${what}() is not supported: return a value or a promise from the handler`);
};

/** A Lambda context as the Node.js runtime builds it; the remaining time counts down from the declared timeout. */
export function lambdaContext(
  name: string,
  spec: FunctionSpec,
  requestId: string,
  deadline: number,
  now: () => number,
): Context {
  const functionName = localFunctionName(name);
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${localRegion}:${localAccountId}:function:${functionName}`,
    memoryLimitInMB: String(spec.memoryMb),
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: logStreamName(new Date(now())),
    getRemainingTimeInMillis: () => Math.max(0, deadline - now()),
    done: unsupported('done'),
    fail: unsupported('fail'),
    succeed: unsupported('succeed'),
  };
}
