import { createRouter, createWebHistory, type Router } from 'vue-router';
import { mfaSetupPath } from './mfa';
import { useSession } from './stores/session';

export function createConsoleRouter(): Router {
  const router = createRouter({
    history: createWebHistory(),
    routes: [
      {
        path: '/sign-in',
        component: () => import('./pages/sign-in/SignInPage.vue'),
        meta: { public: true, title: '登录' },
      },
      {
        // Outside the layout: the API answers nothing else (not even GET /me) until TOTP is bound.
        path: mfaSetupPath,
        component: () => import('./pages/mfa-setup/MfaSetupPage.vue'),
        meta: { title: '绑定动态口令' },
      },
      {
        path: '/',
        component: () => import('./layout/AppLayout.vue'),
        children: [
          { path: '', component: () => import('./pages/home/HomePage.vue'), meta: { title: '首页' } },
          {
            path: 'my-items',
            component: () => import('./pages/my-items/MyItemsPage.vue'),
            meta: { title: '我的信息' },
          },
          {
            path: 'my-items/:itemId',
            component: () => import('./pages/my-item/MyItemPage.vue'),
            meta: { title: '信息详情' },
          },
          {
            path: 'commissions',
            component: () => import('./pages/commissions/CommissionsPage.vue'),
            meta: { title: '约稿' },
          },
          {
            path: 'unit-score',
            component: () => import('./pages/unit-score/UnitScorePage.vue'),
            meta: { title: '本单位积分' },
          },
          {
            path: 'write',
            component: () => import('./pages/write-item/WriteItemPage.vue'),
            meta: { title: '写信息' },
          },
          {
            path: 'drafts',
            component: () => import('./pages/drafts/DraftsPage.vue'),
            meta: { title: '草稿箱' },
          },
          {
            path: 'messages',
            component: () => import('./pages/messages/MessagesPage.vue'),
            meta: { title: '消息' },
          },
          {
            path: 'queue',
            component: () => import('./pages/queue/QueuePage.vue'),
            meta: { title: '待处理' },
          },
          {
            path: 'review/:itemId',
            component: () => import('./pages/item-review/ItemReviewPage.vue'),
            meta: { title: '稿件处理' },
          },
          {
            path: 'bulletins',
            component: () => import('./pages/bulletins/BulletinsPage.vue'),
            meta: { title: '编排刊物' },
          },
          {
            path: 'bulletins/:bulletinId',
            component: () => import('./pages/bulletins/BulletinComposerPage.vue'),
            meta: { title: '编排刊物' },
          },
          {
            path: 'commission-admin',
            component: () => import('./pages/commission-admin/CommissionAdminPage.vue'),
            meta: { title: '约稿管理' },
          },
          {
            path: 'merge',
            component: () => import('./pages/merge/MergePage.vue'),
            meta: { title: '合并为综合信息' },
          },
        ],
      },
      { path: '/:rest(.*)*', redirect: '/' },
    ],
  });
  router.beforeEach((to) => {
    const session = useSession();
    if (!to.meta.public && !session.signedIn) return { path: '/sign-in', query: { next: to.fullPath } };
    return true;
  });
  router.afterEach((to) => {
    document.title = `${String(to.meta.title ?? '')} · 信报`;
  });
  return router;
}
