/**
 * The schedules, declared once: EventBridge Scheduler in the cloud and croner locally both read
 * these entries, always in Asia/Shanghai. Cron fields use names for weekdays (MON…SUN) because
 * the two engines number weekdays differently.
 */
import type { FunctionName } from '../shared/catalogue/functions';

export interface CronFields {
  minute: string;
  hour: string;
  dayOfMonth: string;
  month: string;
  /** `*` or names such as `MON` / `MON-FRI`; never numbers. */
  dayOfWeek: string;
}

export interface ScheduleDeclaration {
  name: string;
  description: string;
  cron: CronFields;
  timezone: 'Asia/Shanghai';
  function: FunctionName;
  job: string;
  retry: { maximumRetryAttempts: number; maximumEventAgeSeconds: number };
}

export const schedules = [
  {
    name: 'scheduler-heartbeat',
    description: '每 15 分钟记录一次定时任务心跳，健康检查据此显示调度是否正常',
    cron: { minute: '0/15', hour: '*', dayOfMonth: '*', month: '*', dayOfWeek: '*' },
    timezone: 'Asia/Shanghai',
    function: 'heartbeat',
    job: 'heartbeat',
    retry: { maximumRetryAttempts: 3, maximumEventAgeSeconds: 600 },
  },
  {
    name: 'mail-outbox-sweep',
    description: '每 5 分钟重发尚未送达的提醒邮件（重要紧急信息提醒在报送时已立即发送）',
    cron: { minute: '0/5', hour: '*', dayOfMonth: '*', month: '*', dayOfWeek: '*' },
    timezone: 'Asia/Shanghai',
    function: 'mailer',
    job: 'mail-outbox',
    retry: { maximumRetryAttempts: 2, maximumEventAgeSeconds: 240 },
  },
  {
    name: 'lsh-index-sweep',
    description: '每 5 分钟为尚未建立查重索引的信息补建索引（报送后已立即建立，此为补漏）',
    cron: { minute: '0/5', hour: '*', dayOfMonth: '*', month: '*', dayOfWeek: '*' },
    timezone: 'Asia/Shanghai',
    function: 'lsh-indexer',
    job: 'lsh-index',
    retry: { maximumRetryAttempts: 2, maximumEventAgeSeconds: 240 },
  },
  {
    name: 'monthly-close',
    description:
      '每月 1 日 8:00 结算上月：报送任务完成情况加减分、逾期未报送约稿扣分（先于 9:00 的通报；重跑不重复记分）',
    cron: { minute: '0', hour: '8', dayOfMonth: '1', month: '*', dayOfWeek: '*' },
    timezone: 'Asia/Shanghai',
    function: 'month-close',
    job: 'month-close',
    retry: { maximumRetryAttempts: 3, maximumEventAgeSeconds: 3600 },
  },
  {
    name: 'monthly-ranking-notice',
    description:
      '每月 1 日 9:00 通报上月各单位政务信息采用情况：存档、发布到公开网站（含得分图）并发送邮件（每个地址只发一次）',
    cron: { minute: '0', hour: '9', dayOfMonth: '1', month: '*', dayOfWeek: '*' },
    timezone: 'Asia/Shanghai',
    function: 'ranking-notice',
    job: 'ranking',
    retry: { maximumRetryAttempts: 3, maximumEventAgeSeconds: 3600 },
  },
  {
    name: 'weekly-overdue-report',
    description:
      '每周一 8:30 发送督办通报：全文发领导和值班/信息科，提醒发红色、黄色单位联系人，连续两周红色另行提醒单位主要负责人（每周每个地址只发一次）',
    cron: { minute: '30', hour: '8', dayOfMonth: '*', month: '*', dayOfWeek: 'MON' },
    timezone: 'Asia/Shanghai',
    function: 'overdue-report',
    job: 'overdue',
    retry: { maximumRetryAttempts: 3, maximumEventAgeSeconds: 3600 },
  },
  {
    name: 'daily-commission-reminders',
    description: '每天 9:00 提醒尚未回应、3 天内截止的约稿的单位联系人（每个约稿每个单位只提醒一次）',
    cron: { minute: '0', hour: '9', dayOfMonth: '*', month: '*', dayOfWeek: '*' },
    timezone: 'Asia/Shanghai',
    function: 'commission-reminders',
    job: 'commission-reminders',
    retry: { maximumRetryAttempts: 3, maximumEventAgeSeconds: 3600 },
  },
  {
    name: 'daily-leader-digest',
    description:
      '每天 7:30 发送领导摘要：按日接收的发前一天，按周接收的每周一发上周（内容为空不发，每期每个地址只发一次）',
    cron: { minute: '30', hour: '7', dayOfMonth: '*', month: '*', dayOfWeek: '*' },
    timezone: 'Asia/Shanghai',
    function: 'leader-digest',
    job: 'digest',
    retry: { maximumRetryAttempts: 3, maximumEventAgeSeconds: 3600 },
  },
  {
    name: 'message-mail',
    description:
      '每 5 分钟为开启邮件抄送的人员发送站内消息邮件：退回修改随即发送，其他消息在 17:00 汇总为每天一封（重跑不重复发送）',
    cron: { minute: '0/5', hour: '*', dayOfMonth: '*', month: '*', dayOfWeek: '*' },
    timezone: 'Asia/Shanghai',
    function: 'message-mail',
    job: 'message-mail',
    retry: { maximumRetryAttempts: 2, maximumEventAgeSeconds: 240 },
  },
  {
    name: 'nightly-search-compaction',
    description:
      '每天 2:30 整理公开网站检索索引：把上次整理以来发布的期次并入最新年份的索引（发布时只重建小的“近期”部分；无新发布则不写）',
    cron: { minute: '30', hour: '2', dayOfMonth: '*', month: '*', dayOfWeek: '*' },
    timezone: 'Asia/Shanghai',
    function: 'search-compaction',
    job: 'search-compaction',
    retry: { maximumRetryAttempts: 3, maximumEventAgeSeconds: 3600 },
  },
] as const satisfies readonly ScheduleDeclaration[];

/** EventBridge Scheduler syntax: `cron(min hour dom month dow year)`, one of dom/dow must be `?`. */
export function toSchedulerExpression(cron: CronFields): string {
  const dayOfWeek = cron.dayOfWeek === '*' ? '?' : cron.dayOfWeek;
  const dayOfMonth = dayOfWeek === '?' ? cron.dayOfMonth : '?';
  return `cron(${cron.minute} ${cron.hour} ${dayOfMonth} ${cron.month} ${dayOfWeek} *)`;
}

/**
 * croner syntax: six fields with seconds first; `*` where EventBridge would have `?`. croner
 * rejects EventBridge's `start/step`, so it becomes the equivalent `start-max/step`.
 */
export function toCronerPattern(cron: CronFields): string {
  const step = (field: string, max: number) => field.replace(/^(\d+)\/(\d+)$/, `$1-${max}/$2`);
  return [
    '0',
    step(cron.minute, 59),
    step(cron.hour, 23),
    step(cron.dayOfMonth, 31),
    step(cron.month, 12),
    cron.dayOfWeek,
  ].join(' ');
}
