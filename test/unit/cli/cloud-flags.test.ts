/** `npm run xinbao -- … --table <TableName> --user-pool <UserPoolId>`: the CLI against AWS by flags. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyCloudFlags, loadEnvironment } from '../../../infra/cli/environment';

describe('the CLI pointed at AWS by flags', () => {
  beforeEach(() => {
    vi.stubEnv('TABLE_NAME', '');
    vi.stubEnv('USER_POOL_ID', '');
    vi.stubEnv('AWS_REGION', '');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('uses the stack outputs given as flags, the region taken from the pool id', () => {
    applyCloudFlags({ table: 'XinbaoStateful-Table-1ABC', userPool: 'ap-southeast-1_AbCdEf123' });
    expect(process.env.TABLE_NAME).toBe('XinbaoStateful-Table-1ABC');
    expect(process.env.USER_POOL_ID).toBe('ap-southeast-1_AbCdEf123');
    expect(process.env.AWS_REGION).toBe('ap-southeast-1');
    expect(loadEnvironment('/nonexistent')).toBe(
      '表 XinbaoStateful-Table-1ABC，用户池 ap-southeast-1_AbCdEf123（环境变量或选项）',
    );
  });

  it('keeps a region already configured', () => {
    vi.stubEnv('AWS_REGION', 'cn-north-1');
    applyCloudFlags({ userPool: 'ap-southeast-1_AbCdEf123' });
    expect(process.env.AWS_REGION).toBe('cn-north-1');
  });

  it('refuses something that is not a pool id, saying where to find it', () => {
    expect(() => applyCloudFlags({ userPool: 'xinbao-console' })).toThrow(/UserPoolId 输出/);
    expect(process.env.USER_POOL_ID).toBe('');
  });
});
