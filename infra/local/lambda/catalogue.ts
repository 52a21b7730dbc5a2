import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type FunctionName, functions } from '../../../shared/catalogue/functions';
import { projectRoot } from '../paths';
import { createFunctionHost, type LambdaHandler, type LoadingFunctionHost } from './host';

function isFunctionName(name: string): name is FunctionName {
  return Object.hasOwn(functions, name);
}

/**
 * Imports a function's declared entry module, the very module the CDK app bundles. Call only
 * after the handler environment is set: handler modules read it when they load.
 */
export async function loadCatalogueHandler(name: string): Promise<LambdaHandler> {
  if (!isFunctionName(name)) throw new Error(`"${name}" is not in the function catalogue`);
  const url = pathToFileURL(join(projectRoot, functions[name].entry)).href;
  const module: { handler?: unknown } = await import(url);
  const handler = module.handler;
  if (typeof handler !== 'function') throw new Error(`${functions[name].entry} does not export a handler`);
  return (event, context) => handler(event, context);
}

export function catalogueFunctionHost(now?: () => number): LoadingFunctionHost {
  return createFunctionHost({ specs: functions, load: loadCatalogueHandler, now });
}
