import { describe, expect, it } from 'vitest';
import { objectKey, quarantineKey } from '#functions/attachments/access';
import { confirmAttachment } from '#functions/attachments/confirm-attachment/use-case';
import { createAttachmentUpload } from '#functions/attachments/create-upload/use-case';
import { getAttachmentDownload } from '#functions/attachments/get-download/use-case';
import type { AppError } from '#shared/errors';
import type { AttachmentCreate } from '#shared/schemas/attachments';
import { anItem, editor, foreignReporter, itemIdOf, leader, reporter, type World, world } from './fakes';
import { docxBytes, jpegBytes, pdfBytes, pngBytes, xlsxBytes } from './samples';

const pdfRequest: AttachmentCreate = {
  fileName: '汇报材料.pdf',
  contentType: 'application/pdf',
  size: pdfBytes.length,
};
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: AppError) => error,
  );

async function uploaded(w: World, request: AttachmentCreate, body: Uint8Array, itemId = itemIdOf(1)) {
  const { attachment } = await createAttachmentUpload(w.deps, reporter, itemId, request);
  w.objects.objects.set(quarantineKey(attachment), { body, contentType: request.contentType });
  return attachment;
}

describe('createAttachmentUpload', () => {
  it('stores a pending record with its audit event and answers a presigned PUT with the headers to send', async () => {
    const w = world();
    const answer = await createAttachmentUpload(w.deps, reporter, itemIdOf(1), {
      fileName: 'C:\\材料\\..\\汇报材料.PDF',
      contentType: 'application/pdf',
      size: 1234,
    });
    expect(answer.attachment).toMatchObject({
      itemId: itemIdOf(1),
      fileName: '汇报材料.pdf',
      contentType: 'application/pdf',
      size: 1234,
      status: 'pending',
      createdAt: '2026-11-25T02:00:00.000Z',
    });
    expect(answer.upload).toMatchObject({
      method: 'PUT',
      headers: { 'Content-Type': 'application/pdf', 'Content-Length': '1234' },
      expiresAt: '2026-11-25T02:15:00.000Z',
    });
    // The upload goes to quarantine, never to the key downloads read.
    expect(answer.upload.url).toContain(
      encodeURI(`quarantine/items/${itemIdOf(1)}/${answer.attachment.attachmentId}/汇报材料.pdf`),
    );
    expect(await w.attachments.get(itemIdOf(1), answer.attachment.attachmentId)).toEqual(answer.attachment);
    expect(w.attachments.events).toEqual([
      expect.objectContaining({
        action: 'attach',
        by: reporter.tokenId,
        role: 'reporter',
        at: '2026-11-25T02:00:00.000Z',
      }),
    ]);
  });

  it('requires a caption for images (422 CAPTION_REQUIRED, Chinese message) and stores nothing', async () => {
    const w = world();
    for (const request of [
      { fileName: '现场.jpg', contentType: 'image/jpeg', size: 10 },
      { fileName: '现场.png', contentType: 'image/png', size: 10 },
    ] as const) {
      const error = await failure(createAttachmentUpload(w.deps, reporter, itemIdOf(1), request));
      expect(error).toMatchObject({ status: 422, code: 'CAPTION_REQUIRED' });
      expect(error.message).toMatch(/图片说明/);
    }
    expect(w.attachments.records.size).toBe(0);
    const ok = await createAttachmentUpload(w.deps, reporter, itemIdOf(1), {
      fileName: '现场.jpeg',
      contentType: 'image/jpeg',
      size: 10,
      caption: '青州市政务服务中心现场',
    });
    expect(ok.attachment).toMatchObject({ fileName: '现场.jpeg', caption: '青州市政务服务中心现场' });
  });

  it('refuses a name whose extension disagrees with the declared type, or is not allowed', async () => {
    const w = world();
    const mismatch = await failure(
      createAttachmentUpload(w.deps, reporter, itemIdOf(1), { ...pdfRequest, fileName: '汇报.docx' }),
    );
    expect(mismatch).toMatchObject({ status: 422, code: 'ATTACHMENT_TYPE_MISMATCH' });
    expect(mismatch.message).toContain('PDF');
    const exe = await failure(
      createAttachmentUpload(w.deps, reporter, itemIdOf(1), { ...pdfRequest, fileName: '汇报.exe' }),
    );
    expect(exe).toMatchObject({ status: 422, code: 'ATTACHMENT_TYPE_NOT_ALLOWED' });
    const bare = await failure(
      createAttachmentUpload(w.deps, reporter, itemIdOf(1), { ...pdfRequest, fileName: '汇报' }),
    );
    expect(bare).toMatchObject({ status: 422, code: 'ATTACHMENT_TYPE_NOT_ALLOWED' });
    const disguised = await failure(
      createAttachmentUpload(w.deps, reporter, itemIdOf(1), { ...pdfRequest, fileName: 'a.pdf/b.exe' }),
    );
    expect(disguised).toMatchObject({ status: 422 });
    expect(w.attachments.records.size).toBe(0);
  });

  it('refuses more than 20 MB even if the schema were bypassed', async () => {
    const w = world();
    const error = await failure(
      createAttachmentUpload(w.deps, reporter, itemIdOf(1), { ...pdfRequest, size: 20 * 1024 * 1024 + 1 }),
    );
    expect(error).toMatchObject({ status: 422, code: 'ATTACHMENT_TOO_LARGE' });
  });

  it.each(['rejected', 'merged', 'adopted'] as const)('refuses a %s item with 409', async (status) => {
    const w = world();
    w.items.items.set(itemIdOf(1), anItem({ status }));
    const error = await failure(createAttachmentUpload(w.deps, reporter, itemIdOf(1), pdfRequest));
    expect(error).toMatchObject({ status: 409, code: 'ITEM_CLOSED' });
  });

  it.each(['submitted', 'returned', 'candidate', 'reserved'] as const)(
    'accepts a %s item',
    async (status) => {
      const w = world();
      w.items.items.set(itemIdOf(1), anItem({ status }));
      await expect(createAttachmentUpload(w.deps, reporter, itemIdOf(1), pdfRequest)).resolves.toBeDefined();
    },
  );
});

describe('confirmAttachment', () => {
  it.each([
    ['pdf', pdfRequest, pdfBytes],
    ['jpg', { fileName: '照片.jpg', contentType: 'image/jpeg', caption: '现场照片' }, jpegBytes],
    ['png', { fileName: '截图.png', contentType: 'image/png', caption: '系统截图' }, pngBytes],
    [
      'docx',
      {
        fileName: '汇报.docx',
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      },
      docxBytes(),
    ],
    [
      'xlsx',
      {
        fileName: '统计.xlsx',
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      xlsxBytes({ dataDescriptor: true }),
    ],
  ] as const)('confirms a genuine %s with its audit event', async (_type, request, body) => {
    const w = world();
    const attachment = await uploaded(w, { ...request, size: body.length }, body);
    const confirmed = await confirmAttachment(w.deps, reporter, itemIdOf(1), attachment.attachmentId);
    expect(confirmed).toMatchObject({ status: 'confirmed', confirmedAt: '2026-11-25T02:00:00.000Z' });
    expect((await w.attachments.get(itemIdOf(1), attachment.attachmentId))?.status).toBe('confirmed');
    expect(w.attachments.events.map((event) => event.action)).toEqual(['attach', 'attach-confirm']);
    expect(w.objects.deleted).toEqual([quarantineKey(attachment)]);
    expect(w.objects.objects.get(objectKey(attachment))?.body).toEqual(body);
  });

  it('answers the confirmed attachment again without touching storage', async () => {
    const w = world();
    const attachment = await uploaded(w, pdfRequest, pdfBytes);
    const first = await confirmAttachment(w.deps, reporter, itemIdOf(1), attachment.attachmentId);
    const reads = w.objects.ranges.length;
    const second = await confirmAttachment(w.deps, reporter, itemIdOf(1), attachment.attachmentId);
    expect(second).toEqual(first);
    expect(w.objects.ranges.length).toBe(reads);
    expect(w.attachments.events).toHaveLength(2);
  });

  it('answers the winner when a concurrent confirmation got there first', async () => {
    const w = world();
    const attachment = await uploaded(w, pdfRequest, pdfBytes);
    const winner = { ...attachment, status: 'confirmed' as const, confirmedAt: '2026-11-25T01:59:59.000Z' };
    const head = w.objects.head.bind(w.objects);
    // Between our read (pending) and our write, someone else confirms.
    w.objects.head = async (key) => {
      w.attachments.records.set(`${itemIdOf(1)}/${attachment.attachmentId}`, winner);
      return head(key);
    };
    expect(await confirmAttachment(w.deps, reporter, itemIdOf(1), attachment.attachmentId)).toEqual(winner);
  });

  it('declared pdf, uploaded png: 422 ATTACHMENT_MISMATCH saying both, and the object is deleted', async () => {
    const w = world();
    const attachment = await uploaded(w, { ...pdfRequest, size: pngBytes.length }, pngBytes);
    const error = await failure(confirmAttachment(w.deps, reporter, itemIdOf(1), attachment.attachmentId));
    expect(error).toMatchObject({ status: 422, code: 'ATTACHMENT_MISMATCH' });
    expect(error.message).toContain('申报为PDF 文件');
    expect(error.message).toContain('实际为PNG 图片');
    expect(error.details).toEqual([
      expect.objectContaining({ path: 'contentType', declared: 'pdf', found: 'png' }),
    ]);
    expect(w.objects.deleted).toEqual([quarantineKey(attachment)]);
    expect(w.objects.objects.size).toBe(0);
    expect(w.objects.copies).toEqual([]);
    expect((await w.attachments.get(itemIdOf(1), attachment.attachmentId))?.status).toBe('pending');
  });

  it('declared docx, uploaded xlsx: 422 and deleted', async () => {
    const w = world();
    const body = xlsxBytes();
    const attachment = await uploaded(
      w,
      {
        fileName: '汇报.docx',
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        size: body.length,
      },
      body,
    );
    const error = await failure(confirmAttachment(w.deps, reporter, itemIdOf(1), attachment.attachmentId));
    expect(error).toMatchObject({ status: 422, code: 'ATTACHMENT_MISMATCH' });
    expect(error.message).toContain('Excel');
    expect(w.objects.deleted).toHaveLength(1);
  });

  it('a size lie (right type, other length): 422 naming both sizes, and deleted', async () => {
    const w = world();
    const attachment = await uploaded(w, { ...pdfRequest, size: pdfBytes.length + 5 }, pdfBytes);
    const error = await failure(confirmAttachment(w.deps, reporter, itemIdOf(1), attachment.attachmentId));
    expect(error).toMatchObject({ status: 422, code: 'ATTACHMENT_MISMATCH' });
    expect(error.details).toEqual([expect.objectContaining({ path: 'size', found: pdfBytes.length })]);
    expect(w.objects.deleted).toHaveLength(1);
  });

  it('copies exactly the checked upload to the final key and clears quarantine', async () => {
    const w = world();
    const attachment = await uploaded(w, pdfRequest, pdfBytes);
    await confirmAttachment(w.deps, reporter, itemIdOf(1), attachment.attachmentId);
    expect(w.objects.copies).toEqual([[quarantineKey(attachment), objectKey(attachment)]]);
    expect(w.objects.objects.get(objectKey(attachment))?.body).toEqual(pdfBytes);
    expect(w.objects.objects.has(quarantineKey(attachment))).toBe(false);
  });

  it('a re-upload after confirmation (the PUT URL is still valid) changes nothing editors download', async () => {
    const w = world();
    const attachment = await uploaded(w, { ...pdfRequest, size: pdfBytes.length }, pdfBytes);
    await confirmAttachment(w.deps, reporter, itemIdOf(1), attachment.attachmentId);
    // The same presigned URL, other bytes of the declared size: they land in quarantine again.
    const swapped = new Uint8Array(pdfBytes.length).fill(0x41);
    w.objects.objects.set(quarantineKey(attachment), { body: swapped, contentType: 'application/pdf' });
    await confirmAttachment(w.deps, reporter, itemIdOf(1), attachment.attachmentId);
    await getAttachmentDownload(w.deps, editor, itemIdOf(1), attachment.attachmentId);
    expect(w.objects.presignedGets.map((get) => get.key)).toEqual([objectKey(attachment)]);
    expect(w.objects.objects.get(objectKey(attachment))?.body).toEqual(pdfBytes);
  });

  it('an upload replaced between the type check and the copy is not confirmed: 409 ATTACHMENT_CHANGED', async () => {
    const w = world();
    const attachment = await uploaded(w, { ...pdfRequest, size: pdfBytes.length }, pdfBytes);
    w.objects.beforeCopy = () => {
      const swapped = new Uint8Array(pdfBytes.length).fill(0x41);
      w.objects.objects.set(quarantineKey(attachment), { body: swapped, contentType: 'application/pdf' });
    };
    const error = await failure(confirmAttachment(w.deps, reporter, itemIdOf(1), attachment.attachmentId));
    expect(error).toMatchObject({ status: 409, code: 'ATTACHMENT_CHANGED' });
    expect(w.objects.objects.has(objectKey(attachment))).toBe(false);
    expect((await w.attachments.get(itemIdOf(1), attachment.attachmentId))?.status).toBe('pending');
  });

  it('no object yet: 409 ATTACHMENT_NOT_UPLOADED and the record stays pending', async () => {
    const w = world();
    const { attachment } = await createAttachmentUpload(w.deps, reporter, itemIdOf(1), pdfRequest);
    const error = await failure(confirmAttachment(w.deps, reporter, itemIdOf(1), attachment.attachmentId));
    expect(error).toMatchObject({ status: 409, code: 'ATTACHMENT_NOT_UPLOADED' });
    expect((await w.attachments.get(itemIdOf(1), attachment.attachmentId))?.status).toBe('pending');
  });

  it('unknown attachment: 404 ATTACHMENT_NOT_FOUND', async () => {
    const w = world();
    const error = await failure(confirmAttachment(w.deps, reporter, itemIdOf(1), `at_${'9'.repeat(24)}`));
    expect(error).toMatchObject({ status: 404, code: 'ATTACHMENT_NOT_FOUND' });
  });
});

describe('getAttachmentDownload', () => {
  it('presigns a GET with the checked type and a Content-Disposition that keeps the Chinese name', async () => {
    const w = world();
    const attachment = await uploaded(w, pdfRequest, pdfBytes);
    await confirmAttachment(w.deps, reporter, itemIdOf(1), attachment.attachmentId);
    for (const principal of [reporter, editor, leader]) {
      const answer = await getAttachmentDownload(w.deps, principal, itemIdOf(1), attachment.attachmentId);
      expect(answer).toMatchObject({
        attachment: { status: 'confirmed' },
        expiresAt: '2026-11-25T02:15:00.000Z',
      });
    }
    const presigned = w.objects.presignedGets[0];
    expect(presigned).toMatchObject({
      key: objectKey(attachment),
      contentType: 'application/pdf',
      expiresIn: 900,
    });
    const encoded = /filename\*=UTF-8''(.+)$/.exec(presigned?.contentDisposition ?? '')?.[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe('汇报材料.pdf');
  });

  it('pending: 409 ATTACHMENT_NOT_READY', async () => {
    const w = world();
    const attachment = await uploaded(w, pdfRequest, pdfBytes);
    const error = await failure(getAttachmentDownload(w.deps, editor, itemIdOf(1), attachment.attachmentId));
    expect(error).toMatchObject({ status: 409, code: 'ATTACHMENT_NOT_READY' });
    expect(w.objects.presignedGets).toHaveLength(0);
  });
});

describe("another unit's item: the same 404 as a missing item, for all three operations", () => {
  it('refuses a foreign reporter everywhere and reveals nothing', async () => {
    const w = world();
    const attachment = await uploaded(w, pdfRequest, pdfBytes);
    await confirmAttachment(w.deps, reporter, itemIdOf(1), attachment.attachmentId);
    const id = attachment.attachmentId;
    const operations = [
      () => createAttachmentUpload(w.deps, foreignReporter, itemIdOf(1), pdfRequest),
      () => confirmAttachment(w.deps, foreignReporter, itemIdOf(1), id),
      () => getAttachmentDownload(w.deps, foreignReporter, itemIdOf(1), id),
    ];
    for (const operation of operations) {
      expect(await failure(operation())).toMatchObject({ status: 404, code: 'ITEM_NOT_FOUND' });
    }
    const missing = itemIdOf(99);
    for (const operation of [
      () => createAttachmentUpload(w.deps, reporter, missing, pdfRequest),
      () => confirmAttachment(w.deps, reporter, missing, id),
      () => getAttachmentDownload(w.deps, editor, missing, id),
    ]) {
      expect(await failure(operation())).toMatchObject({ status: 404, code: 'ITEM_NOT_FOUND' });
    }
    expect(w.attachments.records.size).toBe(1);
    expect(w.objects.presignedGets).toHaveLength(0);
  });

  it("a reporter of the item's own unit is refused on another unit's item too", async () => {
    const w = world();
    const error = await failure(createAttachmentUpload(w.deps, reporter, itemIdOf(2), pdfRequest));
    expect(error).toMatchObject({ status: 404, code: 'ITEM_NOT_FOUND' });
  });
});
