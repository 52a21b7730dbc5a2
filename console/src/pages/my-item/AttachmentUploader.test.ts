import { flushPromises, mount } from '@vue/test-utils';
import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import type { paths } from '../../api/schema.generated';
import { apiKey } from '../../services';
import AttachmentUploader from './AttachmentUploader.vue';

interface Sent {
  method: string;
  path: string;
  body: unknown;
}

/** The API as the uploader meets it: each answer by method and path, every request kept. */
function fakeApi(answer: (sent: Sent) => { status: number; body: unknown }) {
  const sent: Sent[] = [];
  const api = createClient<paths>({
    baseUrl: 'http://api.test',
    fetch: async (request: Request) => {
      const text = await request.text();
      const entry = {
        method: request.method,
        path: new URL(request.url).pathname,
        body: text ? JSON.parse(text) : undefined,
      };
      sent.push(entry);
      const { status, body } = answer(entry);
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    },
  });
  return { api, sent };
}

/** A stand-in for XMLHttpRequest: reports half, then all of the file sent, then S3's 200. */
function fakeUploads() {
  const puts: { url: string; headers: Record<string, string>; progress: number[] }[] = [];
  const request = () => {
    const listeners: Record<string, (event?: unknown) => void> = {};
    const progress: Record<string, (event: unknown) => void> = {};
    const put = { url: '', headers: {} as Record<string, string>, progress: [] as number[] };
    const xhr = {
      status: 0,
      open: (_method: string, url: string) => {
        put.url = url;
      },
      setRequestHeader: (name: string, value: string) => {
        put.headers[name] = value;
      },
      upload: {
        addEventListener: (type: string, listener: (event: unknown) => void) => (progress[type] = listener),
      },
      addEventListener: (type: string, listener: () => void) => (listeners[type] = listener),
      send: () => {
        puts.push(put);
        queueMicrotask(() => {
          progress.progress?.({ lengthComputable: true, loaded: 50, total: 100 });
          xhr.status = 200;
          listeners.load?.();
        });
      },
    };
    return xhr as unknown as XMLHttpRequest;
  };
  return { puts, request };
}

const attachment = {
  attachmentId: 'at_0123456789abcdefghijkl',
  itemId: 'it_1',
  fileName: '现场.png',
  contentType: 'image/png',
  size: 4,
  status: 'pending',
  createdAt: '2026-12-05T02:00:00.000Z',
};

function answers(sent: Sent) {
  if (sent.path.endsWith('/confirm')) return { status: 200, body: { ...attachment, status: 'confirmed' } };
  const body = sent.body as { contentType: string };
  if (body.contentType === 'image/gif')
    return {
      status: 400,
      body: {
        error: {
          code: 'VALIDATION_FAILED',
          message: '请求内容不符合要求',
          details: [{ path: 'contentType', message: '只能上传 jpg、png、pdf、docx、xlsx 文件' }],
        },
      },
    };
  return {
    status: 201,
    body: {
      attachment,
      upload: {
        url: 'http://s3.test/upload?sig=1',
        method: 'PUT',
        headers: { 'content-type': 'image/png', 'content-length': '4' },
        expiresAt: '2026-12-05T02:15:00.000Z',
      },
    },
  };
}

function mountUploader() {
  const { api, sent } = fakeApi(answers);
  const { puts, request } = fakeUploads();
  const wrapper = mount(AttachmentUploader, {
    props: { itemId: 'it_1', request },
    global: { provide: { [apiKey as symbol]: api } },
    attachTo: document.body,
  });
  return { wrapper, sent, puts };
}

async function drop(wrapper: ReturnType<typeof mountUploader>['wrapper'], files: File[]) {
  await wrapper.find('label.drop').trigger('drop', { dataTransfer: { files } });
}

function uploadButton(wrapper: ReturnType<typeof mountUploader>['wrapper']) {
  const button = wrapper.findAll('button').find((candidate) => candidate.text() === '上传附件');
  if (!button) throw new Error('no 上传附件 button');
  return button;
}

describe('attachments on an item', () => {
  it('asks for a caption before sending an image, and sends nothing without one', async () => {
    const { wrapper, sent, puts } = mountUploader();
    await drop(wrapper, [new File(['abcd'], '现场.png', { type: 'image/png' })]);
    const caption = wrapper.find('input[id^="caption-"]');
    expect(wrapper.find(`label[for="${caption.attributes('id')}"]`).text()).toContain('图片说明');

    await uploadButton(wrapper).trigger('click');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').text()).toContain('图片须填写说明');
    expect(sent).toEqual([]);
    expect(puts).toEqual([]);

    await caption.setValue('检查组查看企业消防设施');
    await uploadButton(wrapper).trigger('click');
    await flushPromises();
    await flushPromises();
    expect(sent.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /items/it_1/attachments',
      `POST /items/it_1/attachments/${attachment.attachmentId}/confirm`,
    ]);
    expect(sent[0]?.body).toEqual({
      fileName: '现场.png',
      contentType: 'image/png',
      size: 4,
      caption: '检查组查看企业消防设施',
    });
    expect(puts).toHaveLength(1);
    expect(puts[0]?.url).toBe('http://s3.test/upload?sig=1');
    // The browser sets Content-Length itself; the signed Content-Type goes with the file.
    expect(puts[0]?.headers).toEqual({ 'content-type': 'image/png' });
    expect(wrapper.text()).toContain('已上传');
    expect(wrapper.find('[role="progressbar"]').attributes('aria-valuenow')).toBe('100');
    expect(wrapper.emitted('uploaded')).toHaveLength(1);
    wrapper.unmount();
  });

  it("shows the API's Chinese refusal of a file type and uploads nothing", async () => {
    const { wrapper, sent, puts } = mountUploader();
    await drop(wrapper, [new File(['GIF89a'], '动图.gif', { type: 'image/gif' })]);
    await wrapper.find('input[id^="caption-"]').setValue('动图说明');
    await uploadButton(wrapper).trigger('click');
    await flushPromises();
    expect(sent).toHaveLength(1);
    expect(puts).toEqual([]);
    const alert = wrapper.find('[role="alert"]').text();
    expect(alert).toContain('请求内容不符合要求');
    expect(alert).toContain('只能上传 jpg、png、pdf、docx、xlsx 文件');
    expect(wrapper.emitted('uploaded')).toBeUndefined();
    wrapper.unmount();
  });

  it('takes a document without a caption', async () => {
    const { wrapper, sent } = mountUploader();
    await drop(wrapper, [new File(['%PDF-1.4'], '通报.pdf', { type: '' })]);
    expect(wrapper.find('input[id^="caption-"]').exists()).toBe(false);
    await uploadButton(wrapper).trigger('click');
    await flushPromises();
    await flushPromises();
    expect(sent[0]?.body).toEqual({ fileName: '通报.pdf', contentType: 'application/pdf', size: 8 });
    wrapper.unmount();
  });
});
