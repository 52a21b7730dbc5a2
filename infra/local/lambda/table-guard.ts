/**
 * The cloud's per-function table policy, enforced locally: a request a function's IAM role would
 * be refused (a partition or an action outside its `access.table` in the catalogue) fails here
 * with the same AccessDeniedException, so every local and end-to-end run checks the declaration.
 * Requests made outside an invocation (provisioning, demo data, tests) are the operator's and pass.
 */
import { type FunctionName, functions } from '../../../shared/catalogue/functions';
import {
  allows,
  type TableAccess,
  type TableRequest,
  tableRequests,
} from '../../../shared/catalogue/table-access';
import { addTableRequestGuard } from '../../../shared/store/dynamo/client';
import { currentFunctionName } from './host';

export class TableAccessDenied extends Error {
  constructor(fn: string, request: TableRequest) {
    const where = request.index ? `index ${request.index}` : 'table';
    super(
      `function ${fn} is not authorized to perform dynamodb:${request.action} on ${where} partition ` +
        `"${request.partition}" (not in its access.table in shared/catalogue/functions.ts)`,
    );
    this.name = 'AccessDeniedException';
  }
}

const tableAccessOf = (name: string): TableAccess | undefined =>
  Object.hasOwn(functions, name)
    ? (functions[name as FunctionName].access as { table?: TableAccess }).table
    : undefined;

/** Installs the guard; returns its removal. `onDenied` hears each refusal (the stack logs it). */
export function enforceTableAccess(onDenied: (error: TableAccessDenied) => void = () => {}): () => void {
  return addTableRequestGuard((operation, input) => {
    const fn = currentFunctionName();
    if (fn === undefined) return;
    const access = tableAccessOf(fn);
    for (const request of tableRequests(operation, input)) {
      if (allows(access, request)) continue;
      const error = new TableAccessDenied(fn, request);
      onDenied(error);
      throw error;
    }
  });
}
