/** The routes of the `attachments` function (see shared/catalogue/routes.ts for the whole table). */

import {
  attachmentCreate,
  attachmentDownload,
  attachmentParams,
  attachment as attachmentSchema,
  attachmentUpload,
} from '../../schemas/attachments';
import { emptyQuery } from '../../schemas/common';
import { itemParams } from '../../schemas/item-fields';
import { everyone, jsonBody, type RouteDeclaration, unitPeople } from '../route-declaration';

export const attachmentsRoutes = [
  {
    operationId: 'createAttachmentUpload',
    method: 'POST',
    path: '/items/{itemId}/attachments',
    function: 'attachments',
    auth: 'bearer',
    roles: unitPeople,
    summary: '申请上传附件（jpg、png、pdf、docx、xlsx，≤ 20 MB；图片须有说明）',
    tag: '附件',
    params: itemParams,
    query: emptyQuery,
    body: jsonBody(attachmentCreate),
    response: attachmentUpload,
    successStatus: 201,
    unitScoped: true,
  },
  {
    operationId: 'confirmAttachment',
    method: 'POST',
    path: '/items/{itemId}/attachments/{attachmentId}/confirm',
    function: 'attachments',
    auth: 'bearer',
    roles: unitPeople,
    summary: '确认附件已上传（核对大小与文件类型）',
    tag: '附件',
    params: attachmentParams,
    query: emptyQuery,
    response: attachmentSchema,
    successStatus: 200,
    unitScoped: true,
  },
  {
    operationId: 'getAttachmentDownload',
    method: 'GET',
    path: '/items/{itemId}/attachments/{attachmentId}',
    function: 'attachments',
    auth: 'bearer',
    roles: everyone,
    summary: '附件下载地址（预签名，15 分钟内有效）',
    tag: '附件',
    params: attachmentParams,
    query: emptyQuery,
    response: attachmentDownload,
    successStatus: 200,
    unitScoped: true,
  },
] as const satisfies readonly RouteDeclaration[];
