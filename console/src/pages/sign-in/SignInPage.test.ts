import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { CognitoClient } from '../../auth/cognito';
import { poolSettled, stubPool } from '../../auth/pool-stub';
import { useSession } from '../../stores/session';
import SignInPage from './SignInPage.vue';

afterEach(() => {
  vi.unstubAllGlobals();
});

function poolAnswering(answers: { status: number; body: unknown }[]) {
  return { sent: stubPool(answers), client: new CognitoClient('http://pool.test', 'client') };
}

async function mountPage(answers: { status: number; body: unknown }[]) {
  sessionStorage.clear();
  const pinia = createPinia();
  setActivePinia(pinia);
  const { sent, client } = poolAnswering(answers);
  useSession().use(client);
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/sign-in', component: SignInPage },
      { path: '/my-items', component: { template: '<p>我的信息</p>' } },
      { path: '/', component: { template: '<p>首页</p>' } },
    ],
  });
  await router.push('/sign-in?next=/my-items');
  const wrapper = mount(SignInPage, { global: { plugins: [pinia, router] }, attachTo: document.body });
  return { wrapper, router, sent };
}

const tokens = { AccessToken: 'a', IdToken: 'i', RefreshToken: 'r', ExpiresIn: 3600 };

describe('the sign-in page', () => {
  it('labels every field', async () => {
    const { wrapper } = await mountPage([]);
    for (const id of ['username', 'password']) {
      expect(wrapper.find(`label[for="${id}"]`).exists()).toBe(true);
      expect(wrapper.find(`input#${id}`).exists()).toBe(true);
    }
    wrapper.unmount();
  });

  it('asks for both fields before calling the pool', async () => {
    const { wrapper, sent } = await mountPage([]);
    await wrapper.find('form').trigger('submit');
    expect(wrapper.text()).toContain('请填写用户名和密码');
    expect(sent).toHaveLength(0);
    wrapper.unmount();
  });

  it('shows the refusal in Chinese and stays on the page', async () => {
    const { wrapper, router } = await mountPage([
      { status: 400, body: { __type: 'NotAuthorizedException' } },
    ]);
    await wrapper.find('input#username').setValue('zhangsan');
    await wrapper.find('input#password').setValue('wrong');
    await wrapper.find('form').trigger('submit');
    await poolSettled();
    expect(wrapper.find('[role="alert"]').text()).toContain('用户名或密码不正确');
    expect(router.currentRoute.value.path).toBe('/sign-in');
    wrapper.unmount();
  });

  it('makes a first-time user set a valid password, then goes where they were going', async () => {
    const { wrapper, router, sent } = await mountPage([
      { status: 200, body: { ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 's-1' } },
      { status: 200, body: { AuthenticationResult: tokens } },
    ]);
    await wrapper.find('input#username').setValue('lisi');
    await wrapper.find('input#password').setValue('Temp-Pass-1');
    await wrapper.find('form').trigger('submit');
    await poolSettled();
    expect(wrapper.find('label[for="new-password"]').text()).toBe('新密码');

    await wrapper.find('input#new-password').setValue('weak');
    await wrapper.find('input#confirm-password').setValue('weak');
    await wrapper.find('form').trigger('submit');
    expect(wrapper.find('[role="alert"]').text()).toContain('新密码太短');
    expect(sent).toHaveLength(1);

    await wrapper.find('input#new-password').setValue('Xinbao-2026-ok');
    await wrapper.find('input#confirm-password').setValue('Xinbao-2026-ok');
    await wrapper.find('form').trigger('submit');
    await poolSettled();
    expect(sent[1]?.body).toMatchObject({
      ChallengeResponses: { USERNAME: 'lisi', NEW_PASSWORD: 'Xinbao-2026-ok' },
    });
    expect(useSession().signedIn).toBe(true);
    expect(router.currentRoute.value.path).toBe('/my-items');
    wrapper.unmount();
  });

  it('asks a person with TOTP bound for the code after the password, then signs them in', async () => {
    const { wrapper, router, sent } = await mountPage([
      { status: 200, body: { ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 's-2' } },
      { status: 400, body: { __type: 'CodeMismatchException' } },
      { status: 200, body: { AuthenticationResult: tokens } },
    ]);
    await wrapper.find('input#username').setValue('wang.editor');
    await wrapper.find('input#password').setValue('Xinbao-2026-ok');
    await wrapper.find('form').trigger('submit');
    await poolSettled();
    expect(wrapper.find('label[for="totp-code"]').text()).toBe('动态口令');
    expect(useSession().signedIn).toBe(false);

    await wrapper.find('input#totp-code').setValue('000000');
    await wrapper.find('form').trigger('submit');
    await poolSettled();
    expect(wrapper.find('[role="alert"]').text()).toContain('动态口令不正确');

    await wrapper.find('input#totp-code').setValue('123456');
    await wrapper.find('form').trigger('submit');
    await poolSettled();
    expect(sent[2]?.body).toMatchObject({
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: 's-2',
      ChallengeResponses: { USERNAME: 'wang.editor', SOFTWARE_TOKEN_MFA_CODE: '123456' },
    });
    expect(useSession().signedIn).toBe(true);
    expect(router.currentRoute.value.path).toBe('/my-items');
    wrapper.unmount();
  });

  it('starts again from the password when the code challenge has expired', async () => {
    const { wrapper } = await mountPage([
      { status: 200, body: { ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 's-3' } },
      { status: 400, body: { __type: 'NotAuthorizedException', message: 'Invalid session for the user.' } },
    ]);
    await wrapper.find('input#username').setValue('wang.editor');
    await wrapper.find('input#password').setValue('Xinbao-2026-ok');
    await wrapper.find('form').trigger('submit');
    await poolSettled();
    await wrapper.find('input#totp-code').setValue('123456');
    await wrapper.find('form').trigger('submit');
    await poolSettled();
    expect(wrapper.find('[role="alert"]').text()).toContain('登录已超时');
    expect(wrapper.find('input#password').exists()).toBe(true);
    wrapper.unmount();
  });
});
