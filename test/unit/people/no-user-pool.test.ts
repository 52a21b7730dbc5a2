/**
 * A deployment with no user pool configured (no USER_POOL_ID: e.g. a cloud stage without identity)
 * refuses account changes with a coded 409 and a Chinese message, never an internal error.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { peopleDepsFromEnvironment } from '#functions/people/environment';

describe('the people function without a user pool', () => {
  beforeEach(() => {
    vi.stubEnv('TABLE_NAME', 'xinbao');
    vi.stubEnv('AWS_REGION', 'us-east-1');
    vi.stubEnv('USER_POOL_ID', '');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('refuses to create a pool user with IDENTITY_NOT_CONFIGURED', async () => {
    const { identity } = peopleDepsFromEnvironment();
    await expect(
      identity.createUser({
        username: 'wang.ming',
        temporaryPassword: 'Tmp-Passw0rd!x',
        attributes: { name: '王明', email: 'wang@example.gov.cn' },
        invite: false,
      }),
    ).rejects.toMatchObject({
      status: 409,
      code: 'IDENTITY_NOT_CONFIGURED',
      message: expect.stringMatching(/用户池/),
    });
    await expect(identity.findUser('wang.ming')).rejects.toMatchObject({ code: 'IDENTITY_NOT_CONFIGURED' });
  });
});
