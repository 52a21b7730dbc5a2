/**
 * The Xinbao CDK app (cdk.json runs it with tsx). Synthesis needs no credentials: the account
 * stays unresolved unless CDK_DEFAULT_ACCOUNT is set, and the region is context `xinbao:region`
 * (ap-southeast-1 by default; see xinbao-app.ts).
 */
import { buildApp } from './xinbao-app';

buildApp().app.synth();
