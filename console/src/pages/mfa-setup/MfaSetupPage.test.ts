import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { CognitoClient } from '../../auth/cognito';
import { poolSettled, stubPool } from '../../auth/pool-stub';
import { useSession } from '../../stores/session';
import MfaSetupPage from './MfaSetupPage.vue';

interface Sent {
  target: string;
  body: Record<string, unknown>;
}

const claims = btoa(JSON.stringify({ username: 'wang.editor', token_use: 'access' })).replace(/=+$/, '');
const accessToken = `h.${claims}.s`;

afterEach(() => {
  vi.unstubAllGlobals();
});

async function mountPage(answers: { status: number; body: unknown }[]) {
  sessionStorage.clear();
  const pinia = createPinia();
  setActivePinia(pinia);
  const calls = stubPool(answers);
  // Each call so far as the operation's name and its body.
  const sent = (): Sent[] =>
    calls.map((call) => ({ target: call.target?.split('.').pop() ?? '', body: call.body }));
  const client = new CognitoClient('http://pool.test', 'client');
  const session = useSession();
  session.use(client);
  session.tokens = { accessToken, idToken: 'i', refreshToken: 'r', expiresAt: Date.now() + 3_600_000 };
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/mfa-setup', component: MfaSetupPage },
      { path: '/sign-in', component: { template: '<p>登录</p>' } },
      { path: '/queue', component: { template: '<p>待处理</p>' } },
      { path: '/', component: { template: '<p>首页</p>' } },
    ],
  });
  await router.push('/mfa-setup?next=/queue');
  const wrapper = mount(MfaSetupPage, { global: { plugins: [pinia, router] }, attachTo: document.body });
  await poolSettled();
  return { wrapper, router, sent, session };
}

const secret = { status: 200, body: { SecretCode: 'JBSWY3DPEHPK3PXP' } };

describe('the TOTP binding page', () => {
  it('shows the new secret as text and as an otpauth:// link, with a labelled code field', async () => {
    const { wrapper, sent } = await mountPage([secret]);
    expect(sent()).toEqual([{ target: 'AssociateSoftwareToken', body: { AccessToken: accessToken } }]);
    expect(wrapper.find('[data-test="secret"]').text()).toBe('JBSW Y3DP EHPK 3PXP');
    expect(wrapper.text()).toContain('信报:wang.editor');
    expect(wrapper.find('[data-test="otpauth"]').attributes('href')).toMatch(
      /^otpauth:\/\/totp\/.*\?secret=JBSWY3DPEHPK3PXP&issuer=/,
    );
    expect(wrapper.find('label[for="mfa-code"]').text()).toBe('输入验证器当前显示的 6 位数字');
    expect(wrapper.find('input#mfa-code').exists()).toBe(true);
    wrapper.unmount();
  });

  it('binds TOTP with the first code, takes fresh tokens and goes where the person was going', async () => {
    const { wrapper, router, sent, session } = await mountPage([
      secret,
      { status: 200, body: { Status: 'SUCCESS' } },
      { status: 200, body: {} },
      {
        status: 200,
        body: { AuthenticationResult: { AccessToken: 'fresh', IdToken: 'i2', ExpiresIn: 3600 } },
      },
    ]);
    await wrapper.find('input#mfa-code').setValue('12 34 56');
    await wrapper.find('form').trigger('submit');
    await poolSettled();
    expect(sent().map((call) => call.target)).toEqual([
      'AssociateSoftwareToken',
      'VerifySoftwareToken',
      'SetUserMFAPreference',
      'InitiateAuth',
    ]);
    expect(sent()[1]?.body).toMatchObject({ AccessToken: accessToken, UserCode: '123456' });
    expect(sent()[2]?.body).toMatchObject({
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
    });
    expect(sent()[3]?.body).toMatchObject({ AuthFlow: 'REFRESH_TOKEN_AUTH' });
    expect(await session.accessToken()).toBe('fresh');
    expect(router.currentRoute.value.path).toBe('/queue');
    wrapper.unmount();
  });

  it('sends the person to sign in again with the code when the pool will not refresh', async () => {
    const { wrapper, router, session } = await mountPage([
      secret,
      { status: 200, body: { Status: 'SUCCESS' } },
      { status: 200, body: {} },
      { status: 400, body: { __type: 'NotAuthorizedException' } },
    ]);
    await wrapper.find('input#mfa-code').setValue('123456');
    await wrapper.find('form').trigger('submit');
    await poolSettled();
    expect(session.signedIn).toBe(false);
    expect(session.endedBecause).toBe('动态口令已绑定，请用密码和动态口令重新登录');
    expect(router.currentRoute.value.fullPath).toBe('/sign-in?next=/queue');
    wrapper.unmount();
  });

  it('asks for six digits before calling the pool, and shows a wrong code in Chinese', async () => {
    const { wrapper, router, sent } = await mountPage([
      secret,
      { status: 400, body: { __type: 'EnableSoftwareTokenMFAException' } },
    ]);
    await wrapper.find('input#mfa-code').setValue('12345');
    await wrapper.find('form').trigger('submit');
    expect(wrapper.find('[role="alert"]').text()).toContain('请输入身份验证器显示的 6 位数字');
    expect(sent()).toHaveLength(1);

    await wrapper.find('input#mfa-code').setValue('000000');
    await wrapper.find('form').trigger('submit');
    await poolSettled();
    expect(wrapper.find('[role="alert"]').text()).toContain('动态口令不正确');
    expect(sent().map((call) => call.target)).toEqual(['AssociateSoftwareToken', 'VerifySoftwareToken']);
    expect(router.currentRoute.value.path).toBe('/mfa-setup');
    wrapper.unmount();
  });
});
