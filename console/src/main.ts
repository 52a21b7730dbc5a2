import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { createApiClient } from './api/client';
import { CognitoClient } from './auth/cognito';
import { loadConfig } from './config';
import { watchIdle } from './idle';
import { mfaSetupPath } from './mfa';
import { createConsoleRouter } from './router';
import { apiKey } from './services';
import { useSession } from './stores/session';

async function start(): Promise<void> {
  const config = await loadConfig();
  const app = createApp(App);
  app.use(createPinia());
  const session = useSession();
  session.use(new CognitoClient(config.cognitoEndpoint, config.userPoolClientId));
  const router = createConsoleRouter();
  const signOut = (reason: string) => {
    session.end(reason);
    void router.push({ path: '/sign-in', query: { next: router.currentRoute.value.fullPath } });
  };
  const bindTotp = () => {
    const current = router.currentRoute.value;
    if (current.path === mfaSetupPath) return;
    void router.push({ path: mfaSetupPath, query: { next: current.fullPath } });
  };
  app.provide(
    apiKey,
    createApiClient(config.apiUrl, {
      accessToken: () => session.accessToken(),
      onSignedOut: signOut,
      onMfaRequired: bindTotp,
    }),
  );
  watchIdle(config.idleMinutes * 60_000, () => {
    if (session.signedIn) signOut(`${config.idleMinutes} 分钟未操作，已自动退出，请重新登录`);
  });
  app.use(router);
  app.mount('#app');
}

start().catch((error: unknown) => {
  const root = document.getElementById('app');
  if (root) root.textContent = error instanceof Error ? error.message : '控制台无法启动';
});
