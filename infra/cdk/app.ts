/**
 * The Xinbao CDK app (cdk.json runs it with tsx). Synthesis needs no credentials: the account
 * stays unresolved unless CDK_DEFAULT_ACCOUNT is set, and the region is context `xinbao:region`
 * (ap-southeast-1 by default; see xinbao-app.ts). The web console is built first when its sources
 * changed since the last build (or on a fresh clone): its files are an asset of XinbaoConsole.
 */
import { ensureConsoleBuilt } from '../local/services/console';
import { buildApp } from './xinbao-app';

await ensureConsoleBuilt((line) => process.stderr.write(`${line}\n`));
buildApp().app.synth();
