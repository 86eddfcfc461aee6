import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_BILLING_CONTEXTS_DOCUMENT } from '../../../../src/platforms/doma/contract/all-billing-contexts.js';
import {
  CREATE_BILLING_RECEIPT_FILE_DOCUMENT,
  RECEIPT_FILE_UPLOAD_PATHS,
} from '../../../../src/platforms/doma/contract/create-billing-receipt-file.js';
import {
  ALL_BILLING_RECEIPT_FILES_DOCUMENT,
  UPDATE_BILLING_RECEIPT_FILE_DOCUMENT,
} from '../../../../src/platforms/doma/contract/receipt-file-removal.js';
import { REGISTER_BILLING_RECEIPT_FILE_DOCUMENT as FILE_DOC } from '../../../../src/platforms/doma/contract/register-billing-receipt-file.js';
import { REGISTER_BILLING_RECEIPTS_DOCUMENT as DOC } from '../../../../src/platforms/doma/contract/register-billing-receipts.js';
import { SeedIds } from '../../../../src/platforms/doma/sandbox/seed-objects.js';
import {
  type DomaSandbox,
  startDomaSandbox,
} from '../../../../src/platforms/doma/sandbox/start-doma-sandbox.js';
import { type GqlAnswer, gql, login, receipt, receiptsVariables, SENDER } from './doma-helpers.js';

const pdf = (text: string) => Buffer.from(`%PDF-1.7\n${text}\n%%EOF`).toString('base64');

describe('Doma.ai sandbox: PDF receipts', () => {
  let sb: DomaSandbox;
  let token: string;
  beforeAll(async () => {
    sb = await startDomaSandbox();
    token = await login(sb);
    const r = await gql(
      sb,
      DOC,
      receiptsVariables([receipt(1), receipt(2), receipt(3, { importId: undefined })]),
      token,
    );
    expect(r.body.errors).toBeUndefined();
  });
  afterAll(() => sb.close());

  const register = (receiptFilter: Record<string, unknown>, base64EncodedPDF: string) =>
    gql(
      sb,
      FILE_DOC,
      {
        data: {
          dv: 1,
          sender: SENDER,
          context: { id: SeedIds.context },
          receipt: receiptFilter,
          base64EncodedPDF,
        },
      },
      token,
    );

  it('registerBillingReceiptFile: CREATED, SKIPPED by the md5 of the base64, UPDATED when it changes', async () => {
    const created = await register({ importId: 'imp-1' }, pdf('v1'));
    expect(created.body.data.result).toEqual({ id: expect.any(String), status: 'CREATED' });
    const writes = sb.writeCounts().receiptFiles;
    const skipped = await register({ importId: 'imp-1' }, pdf('v1'));
    expect(skipped.body.data.result).toEqual({ id: created.body.data.result.id, status: 'SKIPPED' });
    expect(sb.writeCounts().receiptFiles).toBe(writes);
    const updated = await register({ importId: 'imp-1' }, pdf('v2'));
    expect(updated.body.data.result.status).toBe('UPDATED');
    expect(sb.files()).toHaveLength(1);
  });

  it('finds the receipt by period and account number too', async () => {
    const a = await register({ period: '2024-01-01', account: { number: 'AC000002' } }, pdf('x'));
    expect(a.body.data.result.status).toBe('CREATED');
    expect(sb.receipts().find((r) => r.importId === 'imp-2')?.fileId).toBe(a.body.data.result.id);
  });

  it('answers the two receipt-matching errors', async () => {
    const none = await register({ importId: 'missing' }, pdf('x'));
    expect(none.body.data.result).toBeNull();
    expect(none.body.errors[0].message).toBe('There are no receipts to connect to this receipt file');
    const many = await register({ period: '2024-01-01' }, pdf('x'));
    expect(many.body.errors[0].message).toBe('More then one receipt found for receipt file');
  });

  async function upload(operations: unknown, map: unknown, files: Record<string, Blob>) {
    const form = new FormData();
    form.set('operations', JSON.stringify(operations));
    if (map !== undefined) form.set('map', JSON.stringify(map));
    for (const [k, v] of Object.entries(files)) form.set(k, v, 'receipt.pdf');
    const res = await fetch(sb.apiUrl, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    return { status: res.status, body: (await res.json()) as GqlAnswer['body'] };
  }

  const createOps = (importId: string) => ({
    query: CREATE_BILLING_RECEIPT_FILE_DOCUMENT,
    variables: {
      data: {
        dv: 1,
        sender: SENDER,
        importId,
        context: { connect: { id: SeedIds.context } },
        controlSum: 'abc',
        sensitiveDataFile: null,
        publicDataFile: null,
      },
    },
  });

  it('createBillingReceiptFile: a multipart upload with a sensitive and a public file', async () => {
    const blob = new Blob([Buffer.from('%PDF-1.7 big')], { type: 'application/pdf' });
    const a = await upload(
      createOps(sb.receipts()[2]?.importId ?? ''),
      { 0: [RECEIPT_FILE_UPLOAD_PATHS.sensitive], 1: [RECEIPT_FILE_UPLOAD_PATHS.public] },
      { 0: blob, 1: blob },
    );
    expect(a.status).toBe(200);
    expect(a.body.data.result).toMatchObject({ controlSum: 'abc', receipt: { id: sb.receipts()[2]?.id } });
    const file = sb.files().find((f) => f.id === a.body.data.result.id);
    expect(file?.sensitiveDataFile?.size).toBe(12);
    expect(file?.publicDataFile?.mimetype).toBe('application/pdf');
  });

  it('createBillingReceiptFile without the sensitive file or without map is refused', async () => {
    const noFile = await upload(createOps('imp-1'), {}, {});
    expect(noFile.body.errors[0].message).toContain('sensitiveDataFile');
    const noMap = await upload(createOps('imp-1'), undefined, {});
    expect(noMap.status).toBe(400);
    expect(noMap.body.errors[0].message).toMatch(/^Missing multipart field ‘map’/);
  });

  it('seed 000: a file is deleted by updating it with deletedAt — the receipt has no PDF, the next upload is CREATED', async () => {
    const first = await register({ importId: 'imp-2' }, pdf('to be removed'));
    const id = first.body.data.result.id as string;
    const listed = await gql(
      sb,
      ALL_BILLING_RECEIPT_FILES_DOCUMENT,
      {
        where: { context: { id: SeedIds.context }, receipt: { importId_in: ['imp-2'] }, deletedAt: null },
        first: 10,
      },
      token,
    );
    expect(listed.body.data.objs).toEqual([
      { id, importId: 'imp-2', receipt: expect.objectContaining({ importId: 'imp-2' }) },
    ]);
    const removed = await gql(
      sb,
      UPDATE_BILLING_RECEIPT_FILE_DOCUMENT,
      { id, data: { dv: 1, sender: SENDER, deletedAt: '2026-01-01T00:00:00.000Z' } },
      token,
    );
    expect(removed.body.errors).toBeUndefined();
    expect(removed.body.data.result).toEqual({ id, deletedAt: '2026-01-01T00:00:00.000Z' });
    expect(sb.receipts().find((r) => r.importId === 'imp-2')?.fileId).toBeNull();
    expect(sb.files().find((f) => f.id === id)?.deleted).toBe(true);
    const after = await gql(
      sb,
      ALL_BILLING_RECEIPT_FILES_DOCUMENT,
      {
        where: { context: { id: SeedIds.context }, receipt: { importId_in: ['imp-2'] }, deletedAt: null },
        first: 10,
      },
      token,
    );
    expect(after.body.data.objs).toEqual([]);
    const again = await gql(
      sb,
      UPDATE_BILLING_RECEIPT_FILE_DOCUMENT,
      { id, data: { dv: 1, sender: SENDER, deletedAt: '2026-01-02T00:00:00.000Z' } },
      token,
    );
    expect(again.body.errors[0].name).toBe('AccessDeniedError');
    const reupload = await register({ importId: 'imp-2' }, pdf('to be removed'));
    expect(reupload.body.data.result.status).toBe('CREATED');
  });

  it('lists the billing contexts with their status (only Finished may publish)', async () => {
    const a = await gql(
      sb,
      ALL_BILLING_CONTEXTS_DOCUMENT,
      { where: { id: SeedIds.context }, first: 1 },
      token,
    );
    expect(a.body.data.objs).toEqual([
      { id: SeedIds.context, status: 'Finished', organization: { id: SeedIds.organizations[0] } },
    ]);
  });
});
