import { resolve } from 'node:path';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { type FunctionName, functions } from '#shared/catalogue/functions';

export type HttpHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<unknown>;

const root = resolve(import.meta.dirname, '../..');

/** Loads a function's handler from the entry its declaration names, as both runtimes do. */
export async function loadHandler(fn: FunctionName): Promise<HttpHandler> {
  const module = (await import(/* @vite-ignore */ resolve(root, functions[fn].entry))) as {
    handler: HttpHandler;
  };
  return module.handler;
}
