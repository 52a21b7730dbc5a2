/** The routes of the `inbox` function (站内消息; see shared/catalogue/routes.ts for the whole table). */

import { emptyQuery } from '../../schemas/common';
import {
  message,
  messageList,
  messageListQuery,
  messageParams,
  readAllResult,
  unreadCount,
} from '../../schemas/messages';
import { everyone, type RouteDeclaration } from '../route-declaration';

export const inboxRoutes = [
  {
    operationId: 'listMessages',
    method: 'GET',
    path: '/messages',
    function: 'inbox',
    auth: 'bearer',
    roles: everyone,
    summary:
      '本人的站内消息（最新的在前；unread=true 只列未读），游标分页。消息发给所涉单位的信息员和单位管理员：退回修改、已采用、新约稿、约稿即将截止、批示反馈即将到期',
    tag: '站内消息',
    query: messageListQuery,
    response: messageList,
    successStatus: 200,
  },
  {
    operationId: 'countUnreadMessages',
    method: 'GET',
    path: '/messages/unread-count',
    function: 'inbox',
    auth: 'bearer',
    roles: everyone,
    summary: '本人的未读消息条数',
    tag: '站内消息',
    query: emptyQuery,
    response: unreadCount,
    successStatus: 200,
  },
  {
    operationId: 'readMessage',
    method: 'POST',
    path: '/messages/{messageId}/read',
    function: 'inbox',
    auth: 'bearer',
    roles: everyone,
    summary: '将本人的一条消息标为已读（重复调用不改变首次已读时间；他人的消息 404 MESSAGE_NOT_FOUND）',
    tag: '站内消息',
    params: messageParams,
    query: emptyQuery,
    response: message,
    successStatus: 200,
    unitScoped: true,
  },
  {
    operationId: 'readAllMessages',
    method: 'POST',
    path: '/messages/read-all',
    function: 'inbox',
    auth: 'bearer',
    roles: everyone,
    summary: '将本人的全部未读消息标为已读，返回本次标记的条数',
    tag: '站内消息',
    query: emptyQuery,
    response: readAllResult,
    successStatus: 200,
  },
] as const satisfies readonly RouteDeclaration[];
