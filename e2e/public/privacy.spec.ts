import { expect, test, type APIRequestContext } from '@playwright/test';
import { fetchAll, openRegistry } from './registry';

// Fetches every public page (both languages) and every API response for the sample data and looks for
// anything personal: email addresses, phone numbers, password hashes, the names of users and the legal
// representatives and contacts of contractors.

// One character before the @ is enough to call it an address, and keeps the search linear on long pages.
const EMAIL = /[A-Za-z0-9._%+-]@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
const LANDLINE = /(?<![0-9A-Za-z])0\d{2,3}-\d{7,8}(?!\d)/;
// Mobile numbers only in HTML: the JSON carries amounts in fen, which can be any 11 digits.
const MOBILE = /(?<![0-9A-Za-z])(\+?86[- ]?)?1[3-9]\d{9}(?![0-9A-Za-z])/;

type Secrets = { exact: string[] };

function readSecrets(): Secrets {
  const db = openRegistry();
  const users = db.prepare(`select name, email from users`).all() as { name: string; email: string }[];
  const contractors = db.prepare(`select legal_representative as rep, contact_phone as phone, contact_email as email from contractors`).all() as { rep: string; phone: string | null; email: string | null }[];
  const hashes = db.prepare(`select password_hash from users where password_hash is not null`).pluck().all() as string[];
  db.close();
  const exact = [
    ...users.flatMap((u) => [u.name, u.email]),
    ...contractors.flatMap((c) => [c.rep, c.phone, c.email].filter((v): v is string => !!v)),
    ...hashes,
  ];
  return { exact: [...new Set(exact)] };
}

function check(what: string, body: string, secrets: Secrets, html: boolean) {
  const found = [
    ...(EMAIL.exec(body) ?? []).slice(0, 1).map((m) => `email address ${m}`),
    ...(LANDLINE.exec(body) ?? []).slice(0, 1).map((m) => `phone number ${m}`),
    ...(html ? (MOBILE.exec(body) ?? []).slice(0, 1).map((m) => `mobile number ${m}`) : []),
    ...(body.includes('$argon2') ? ['password hash'] : []),
    // Short names (legal representatives have two or three characters) could occur inside ordinary
    // words: check them as whole values.
    ...secrets.exact.filter((s) => body.includes(s.length >= 4 ? s : html ? `>${s}<` : `"${s}"`)).map((s) => `"${s}"`),
  ];
  // One expectation per response: the list of what was found, empty.
  expect(found, what).toEqual([]);
}

async function text(request: APIRequestContext, url: string): Promise<string> {
  const res = await request.get(url);
  expect(res.status(), url).toBe(200);
  return res.text();
}

/** Fetches and checks the URLs a few at a time. */
async function checkAll(request: APIRequestContext, urls: string[], secrets: Secrets, html: boolean) {
  const queue = [...urls];
  const worker = async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) check(url, await text(request, url), secrets, html);
  };
  await Promise.all(Array.from({ length: 6 }, worker));
}

test.describe('privacy of the public side', () => {
  test.setTimeout(300_000);

  test('no page and no API response carries personal data', async ({ request }) => {
    const secrets = readSecrets();
    expect(secrets.exact.length).toBeGreaterThan(100);
    // The check itself finds what it looks for.
    for (const leak of ['<td>someone@example.org</td>', '"0577-12345678"', '<p>13800138000</p>', `<td>${secrets.exact[0]}</td>`]) {
      expect(() => check('self-test', leak, secrets, true)).toThrow();
    }

    const matters = await fetchAll<{ code: string }>(request, '/api/public/matters');
    const contractors = await fetchAll<{ id: number }>(request, '/api/public/contractors');
    const contracts = await fetchAll<{ reference: string }>(request, '/api/public/contracts');
    for (const [i, body] of [...matters.bodies, ...contractors.bodies, ...contracts.bodies].entries()) check(`list page ${i}`, body, secrets, false);

    const apiUrls = [
      '/api/public/stats',
      ...matters.items.map((m) => `/api/public/matters/${m.code}`),
      ...contractors.items.map((c) => `/api/public/contractors/${c.id}`),
      ...contracts.items.map((c) => `/api/public/contracts/${c.reference}`),
      ...['matters', 'contractors', 'contracts'].flatMap((n) => [`/api/public/downloads/${n}.csv`, `/api/public/downloads/${n}.json`]),
      '/api/public/ocds/release-package.json',
    ];
    await checkAll(request, apiUrls, secrets, false);

    const pagePaths = [
      '',
      '/matters',
      '/matters?status=withdrawn',
      '/contractors',
      '/api-docs',
      '/publication-policy',
      '/checkpoints',
      ...[2, 3, 4, 5].map((p) => `/matters?page=${p}`),
      ...[2, 3, 4, 5].map((p) => `/contractors?page=${p}`),
      ...matters.items.map((m) => `/matters/${m.code}`),
      ...contractors.items.map((c) => `/contractors/${c.id}`),
      ...contracts.items.map((c) => `/contracts/${c.reference}`),
    ];
    await checkAll(request, ['zh-CN', 'en'].flatMap((locale) => pagePaths.map((p) => `/${locale}${p}`)), secrets, true);
  });
});
