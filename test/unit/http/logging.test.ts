import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayRequestAuthorizerEventV2 } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler as authorizer } from '#functions/authorizer/handler';
import { handler as units } from '#functions/units/handler';
import { hashToken } from '#shared/domain/tokens';
import { as, httpEvent, invoke, lambdaContext, stubLiveCallerToken } from '../../support/http-events';

// Before any module builds the logger: it re-reads its level from the environment on every invocation.
vi.hoisted(() => {
  process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
});

const dynamo = mockClient(DynamoDBDocumentClient);
const secret = 'xb_ThisIsASecretTokenValueThatMustNeverBeLogged123';
let output: string[] = [];

beforeEach(() => {
  dynamo.reset();
  stubLiveCallerToken(dynamo);
  output = [];
  const capture = (chunk: unknown) => {
    output.push(String(chunk));
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  vi.spyOn(process.stderr, 'write').mockImplementation(capture);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('structured logs', () => {
  it('carry the route and status but never the token or the submitted text', async () => {
    dynamo.on(GetCommand).resolves({
      Item: {
        tokenId: 'abcdefghijklmnop',
        hash: hashToken(secret),
        role: 'admin',
        label: 'x',
        createdAt: 'x',
        createdBy: 'cli',
      },
    });
    dynamo.on(UpdateCommand).resolves({});
    dynamo.on(PutCommand).resolves({});
    const authorizerEvent = {
      version: '2.0',
      type: 'REQUEST',
      routeArn: 'arn:aws:execute-api:us-east-1:000000000000:api/$default/POST/units',
      identitySource: [`Bearer ${secret}`],
      routeKey: 'POST /units',
      rawPath: '/units',
      rawQueryString: '',
      headers: { authorization: `Bearer ${secret}` },
      requestContext: {},
    } as unknown as APIGatewayRequestAuthorizerEventV2;
    const decision = await authorizer(authorizerEvent, lambdaContext);
    expect(decision).toMatchObject({ isAuthorized: true, context: { status: 'active', role: 'admin' } });
    const reply = await invoke(
      units,
      httpEvent({
        method: 'POST',
        path: '/units',
        body: { id: 'shouguang', name: '寿光市人民政府机密测试文本', class: 'county' },
        auth: as('admin'),
      }),
    );
    expect(reply.status).toBe(201);
    const logs = output.join('');
    expect(logs).toContain('POST /units');
    expect(logs).not.toContain(secret);
    expect(logs).not.toContain(secret.slice(3, 20));
    expect(logs).not.toContain('寿光市人民政府机密测试文本');
  });
});
