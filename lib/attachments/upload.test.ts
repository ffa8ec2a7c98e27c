import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor';
import { buildFixture, type Fixture } from '../testing/fixture';
import { openAttachment } from './download';
import { receiveAttachment } from './upload';
import { buildDocx } from '../testing/zip';
import { uploadRequest as multipartUpload } from '../testing/uploads';

/** A small but well-formed PDF, built here rather than checked in. */
function smallPdf(): Uint8Array {
  const body = [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
  ].join('\n');
  return new TextEncoder().encode(body);
}

const uploadRequest = (deliverableId: number, name: string, bytes: Uint8Array, type = 'application/pdf'): Request =>
  multipartUpload('http://localhost/api/attachments', { name, bytes, type }, { deliverableId: String(deliverableId) });

const elf = () => new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, ...new Array(120).fill(0)]);
const mz = () => {
  const b = new Uint8Array(256);
  b.set([0x4d, 0x5a, 0x90, 0x00]);
  b.set([0x50, 0x45, 0x00, 0x00], 0x80);
  b[0x3c] = 0x80;
  return b;
};
const svgWithScript = () => new TextEncoder().encode('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>\n');

let f: Fixture;
let dir: string;
beforeEach(() => {
  f = buildFixture();
  dir = mkdtempSync(path.join(tmpdir(), 'uploads-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const attachmentRows = () => f.db.$client.prepare('select count(*) from attachments').pluck().get() as number;
const storedFiles = () => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
const upload = (who: Actor | null, name: string, bytes: Uint8Array, options: { maxBytes?: number; deliverableId?: number } = {}) =>
  receiveAttachment(f.db, who, uploadRequest(options.deliverableId ?? f.deliverableA.id, name, bytes), { uploadDir: dir, maxBytes: options.maxBytes });

describe('attachment upload refusals store nothing', () => {
  const cases: [string, () => Uint8Array, string, number, string][] = [
    ['an ELF executable renamed .pdf', elf, 'report.pdf', 415, 'type_not_allowed'],
    ['a Windows (MZ) executable renamed .pdf', mz, 'report.pdf', 415, 'type_not_allowed'],
    ['an SVG with a script', svgWithScript, 'chart.svg', 415, 'type_not_allowed'],
    ['an SVG with a script renamed .txt', svgWithScript, 'chart.txt', 415, 'type_not_allowed'],
    ['a PDF named .png', smallPdf, 'photo.png', 415, 'type_mismatch'],
    ['a name with ../', smallPdf, '../../etc/report.pdf', 400, 'name_path'],
    ['a name with a backslash', smallPdf, '..\\report.pdf', 400, 'name_path'],
    ['a name with a control character', smallPdf, 'report\t.pdf', 400, 'name_control'],
    ['a name with a control character a part header cannot carry', smallPdf, 'report\u0007.pdf', 400, 'bad_request'],
    ['a name with a right-to-left override (invoice.txt shown as invoicetxt.png)', smallPdf, 'invoice\u202egnp.pdf', 400, 'name_bidi'],
    ['a DOCX that inflates to 200 MB', () => buildDocx(new Uint8Array(200 * 1024 * 1024)), 'report.docx', 413, 'archive_too_large'],
  ];
  for (const [label, bytes, name, status, error] of cases) {
    it(`refuses ${label}`, async () => {
      const outcome = await upload(f.actors.contractorX, name, bytes());
      expect(outcome).toMatchObject({ ok: false, status, error });
      expect(attachmentRows()).toBe(0);
      expect(storedFiles()).toEqual([]);
    }, 30_000); // the 200 MB DOCX is deflated here, slow on a busy machine
  }

  it('reads the record from the fields before the file, and refuses what is not multipart', async () => {
    const boundary = 'b0undary';
    const body = [
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="report.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      new TextDecoder('latin1').decode(smallPdf()),
      `\r\n--${boundary}\r\nContent-Disposition: form-data; name="deliverableId"\r\n\r\n${f.deliverableA.id}\r\n--${boundary}--\r\n`,
    ].join('');
    const late = new Request('http://localhost/api/attachments', { method: 'POST', body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(await receiveAttachment(f.db, f.actors.contractorX, late, { uploadDir: dir })).toMatchObject({ ok: false, status: 404, error: 'not_found' });
    const json = new Request('http://localhost/api/attachments', { method: 'POST', body: '{"deliverableId":1}', headers: { 'content-type': 'application/json' } });
    expect(await receiveAttachment(f.db, f.actors.contractorX, json, { uploadDir: dir })).toMatchObject({ ok: false, status: 400, error: 'bad_request' });
    expect(attachmentRows()).toBe(0);
    expect(storedFiles()).toEqual([]);
  });

  it('refuses a file over the limit', async () => {
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    big.set(smallPdf());
    const outcome = await upload(f.actors.contractorX, 'big.pdf', big);
    expect(outcome).toMatchObject({ ok: false, status: 413, error: 'too_large' });
    expect(attachmentRows()).toBe(0);
    expect(storedFiles()).toEqual([]);
  });

  it('refuses a file over a smaller configured limit while streaming', async () => {
    const outcome = await upload(f.actors.contractorX, 'report.pdf', new Uint8Array(4096).fill(0x41), { maxBytes: 1024 });
    expect(outcome).toMatchObject({ ok: false, status: 413, error: 'too_large' });
    expect(storedFiles()).toEqual([]);
  });

  it('answers not-found to another contractor, the signed-out and the wrong role, before reading the file', async () => {
    expect(await upload(f.actors.contractorY, 'report.pdf', smallPdf())).toMatchObject({ ok: false, status: 404 });
    expect(await upload(null, 'report.pdf', smallPdf())).toMatchObject({ ok: false, status: 401 });
    expect(await upload(f.actors.officerA, 'report.pdf', smallPdf())).toMatchObject({ ok: false, status: 403 });
    expect(await upload(f.actors.contractorX, 'report.pdf', smallPdf(), { deliverableId: 999_999 })).toMatchObject({ ok: false, status: 404 });
    expect(attachmentRows()).toBe(0);
    expect(storedFiles()).toEqual([]);
  });
});

describe('a valid DOCX', () => {
  it('is accepted when its central directory is ordinary', async () => {
    const docx = buildDocx(new TextEncoder().encode(`<w:document>${'<w:p><w:r><w:t>一季度报告</w:t></w:r></w:p>'.repeat(500)}</w:document>`));
    const outcome = await upload(f.actors.contractorX, 'report.docx', docx);
    expect(outcome).toMatchObject({ ok: true, status: 201 });
    expect(f.db.$client.prepare('select media_type from attachments').pluck().get()).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });
});

describe('a valid PDF', () => {
  it('is stored under its hash with a row and an audit event, and served only in scope', async () => {
    const pdf = smallPdf();
    const outcome = await upload(f.actors.contractorX, '一季度 report.pdf', pdf);
    expect(outcome).toMatchObject({ ok: true, status: 201, deliverableId: f.deliverableA.id, contractId: f.activeA.id });
    if (!outcome.ok) return;
    const row = f.db.$client.prepare('select file_name, media_type, size_bytes, sha256 from attachments where id = ?').get(outcome.attachmentId) as Record<string, unknown>;
    expect(row).toMatchObject({ file_name: '一季度 report.pdf', media_type: 'application/pdf', size_bytes: pdf.length });
    expect(storedFiles()).toEqual([row.sha256]);
    expect(readFileSync(path.join(dir, String(row.sha256)))).toEqual(Buffer.from(pdf));
    const audit = f.db.$client.prepare(`select entity_type, entity_id from audit_events where action = 'attachment.added'`).all();
    expect(audit).toEqual([{ entity_type: 'deliverable', entity_id: String(f.deliverableA.id) }]);

    const res = await openAttachment(f.db, f.actors.contractorX, String(outcome.attachmentId), dir);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="___ report.pdf"; filename*=UTF-8''${encodeURIComponent('一季度 report.pdf')}`);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(pdf);

    for (const who of [f.actors.officerA, f.actors.approverA, f.actors.auditor, f.actors.admin]) {
      expect((await openAttachment(f.db, who, String(outcome.attachmentId), dir)).status, who.name).toBe(200);
    }
    for (const who of [f.actors.contractorY, f.actors.officerB, f.actors.approverB, f.actors.evaluator, null]) {
      expect((await openAttachment(f.db, who, String(outcome.attachmentId), dir)).status, who?.name ?? 'signed out').toBe(404);
    }
    expect((await openAttachment(f.db, f.actors.contractorX, '../etc/passwd', dir)).status).toBe(404);
  });

  it('accepts UTF-8 CSV text and refuses text with NUL bytes', async () => {
    expect(await upload(f.actors.contractorX, 'visits.csv', new TextEncoder().encode('社区,走访户数\n龙港,120\n'))).toMatchObject({ ok: true });
    expect(await upload(f.actors.contractorX, 'notes.txt', new Uint8Array([0x61, 0x00, 0x62]))).toMatchObject({ ok: false, error: 'type_not_allowed' });
  });
});
