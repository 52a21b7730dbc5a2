/**
 * Shared helpers for the infra tests: the app is built with cdk.json's context (the same feature
 * flags the CLI passes) and, unless a test asks for it, without bundling.
 */
import { readFileSync } from 'node:fs';
import { type App, CfnElement, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { buildApp } from '../../infra/cdk/xinbao-app';

export const testEnv = { account: '123456789012', region: 'ap-southeast-1' };

/** Context that makes NodejsFunction skip esbuild (assertions do not need the code). */
export const skipBundling = { 'aws:cdk:bundling-stacks': [] };

/** The context block of cdk.json: feature flags and xinbao:* settings. */
export function cdkJsonContext(): Record<string, unknown> {
  const text = readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8');
  const json = JSON.parse(text) as { context?: Record<string, unknown> };
  return json.context ?? {};
}

/** Builds and synthesizes the Xinbao app once (cdk-nag included, so a finding throws here). */
export function synthesizeXinbao(options: { nag?: boolean; context?: Record<string, unknown> } = {}) {
  const built = buildApp({
    context: { ...cdkJsonContext(), ...skipBundling, ...options.context },
    nag: options.nag ?? true,
    env: testEnv,
  });
  const assembly = built.app.synth();
  const template = (stack: Stack) => Template.fromJSON(assembly.getStackByName(stack.stackName).template);
  return {
    ...built,
    assembly,
    statefulTemplate: template(built.stateful),
    statelessTemplate: template(built.stateless),
    consoleTemplate: template(built.console),
  };
}

/** The logical ID of a construct's CloudFormation resource (its default child for L2s). */
export function logicalId(construct: IConstruct): string {
  const resource = construct.node.defaultChild ?? construct;
  if (!CfnElement.isCfnElement(resource))
    throw new Error(`${construct.node.path} has no CloudFormation resource`);
  return Stack.of(resource).resolve(resource.logicalId) as string;
}

export interface Acknowledgement {
  path: string;
  id: string;
  reason: string;
}

/** Every `Validations.of(x).acknowledge(...)` recorded in the tree. */
export function acknowledgements(app: App): Acknowledgement[] {
  const found: Acknowledgement[] = [];
  for (const construct of app.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
        found.push({ path: construct.node.path, id, reason });
      }
    }
  }
  return found;
}

type Json = Record<string, unknown>;

/** Resources of a type as [logicalId, properties] pairs. */
export function resourcesOf(template: Template, type: string): [string, Json][] {
  return Object.entries(template.findResources(type)).map(([id, resource]) => [
    id,
    ((resource as Json).Properties ?? {}) as Json,
  ]);
}

/** All IAM actions granted by the AWS::IAM::Policy resources attached to a role. */
export function actionsOfRole(template: Template, roleLogicalId: string): string[] {
  const actions: string[] = [];
  for (const [, properties] of resourcesOf(template, 'AWS::IAM::Policy')) {
    const roles = properties.Roles as Json[];
    if (!roles.some((role) => role.Ref === roleLogicalId)) continue;
    const document = properties.PolicyDocument as { Statement: Json[] };
    for (const statement of document.Statement) {
      if (statement.Effect !== 'Allow') continue;
      const action = statement.Action as string | string[];
      actions.push(...(Array.isArray(action) ? action : [action]));
    }
  }
  return actions;
}
