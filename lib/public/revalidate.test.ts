// What a write does to the public caches, judged by what Next would then serve: real server actions write to
// a fixture, next/cache records what they expire, and a small model of Next's rules says whether each
// public page that shows the written record, and each public read kept in the data cache, is fresh for the
// next visitor — and whether the pages of unrelated records stay cached. Any implementation that expires the
// right things passes (a tag updated instead of revalidated, the root layout instead of /[locale]); one
// that leaves a page or figure stale fails, and so does one that expires an unrelated record's page.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemActor, type Actor } from '@/lib/auth/actor';
import { consequencesOf, type ConfirmSubject } from '@/lib/confirm/consequences';
import { buildFixture, type Fixture } from '@/lib/testing/fixture';
import { FIGURES_TAG, PUBLIC_CACHE_TAG } from './cache-tags';

/** The confirmation an irreversible step needs: the token of its consequences (lib/confirm). */
const confirmed = (f: Fixture, subject: ConfirmSubject, step: string, id: number) => consequencesOf(f.db, systemActor('test'), subject, step, id).token;

type Call = { fn: 'revalidateTag' | 'revalidatePath' | 'updateTag'; args: unknown[] };
const recorded = vi.hoisted(() => ({ calls: [] as { fn: 'revalidateTag' | 'revalidatePath' | 'updateTag'; args: unknown[] }[], cacheTags: new Set<string>(), lastTags: [] as string[] }));
vi.mock('next/cache', () => ({
  revalidateTag: (...args: unknown[]) => void recorded.calls.push({ fn: 'revalidateTag', args }),
  revalidatePath: (...args: unknown[]) => void recorded.calls.push({ fn: 'revalidatePath', args }),
  updateTag: (...args: unknown[]) => void recorded.calls.push({ fn: 'updateTag', args }),
  // The public reads are built with unstable_cache: what tags they are kept under.
  unstable_cache: (fn: unknown, _key: unknown, options?: { tags?: string[] }) => {
    for (const tag of options?.tags ?? []) recorded.cacheTags.add(tag);
    recorded.lastTags.push(...(options?.tags ?? []));
    return fn;
  },
}));
const { state, ...mocks } = await vi.hoisted(() => import('@/lib/testing/next-mocks'));
vi.mock('@/lib/auth/current', () => mocks.authCurrentMock());
vi.mock('@/db/client', (original) => mocks.dbClientMock(original));
vi.mock('next/headers', () => mocks.nextHeadersMock());

// --- Next's rules, as far as these calls go ----------------------------------------------------------------

const segments = (path: string) => path.split('/').filter((s) => s !== '' && !/^\(.*\)$/.test(s));
/** A route pattern's segment ([param]) matches any one segment of a URL; any other only itself. */
const segmentMatches = (pattern: string, actual: string) => /^\[.+\]$/.test(pattern) || pattern === actual;

/** Whether the page at `url` is expired by its path. */
function pathExpired(calls: Call[], url: string): boolean {
  const target = segments(url);
  return calls.some(({ fn, args: [path, type] }) => {
    if (fn !== 'revalidatePath' || typeof path !== 'string') return false;
    const pattern = segments(path);
    // 'layout': every page under that layout; 'page' or a concrete path: that page only.
    const prefixOnly = type === 'layout';
    if (prefixOnly ? pattern.length > target.length : pattern.length !== target.length) return false;
    return pattern.every((p, i) => segmentMatches(p, target[i]!));
  });
}

/**
 * Whether the page at `url` is rendered afresh for the next visitor after these calls: by its path, or by a
 * tag of a cached read it made while rendering (Next keeps a page under the tags of the reads it made).
 * `url` is `/<locale><page>`; the tags are those of the page's reads (`pageTags`).
 */
function pageExpired(calls: Call[], url: string, tags: readonly string[]): boolean {
  return pathExpired(calls, url) || tags.some((t) => tagExpiredNow(calls, t));
}

/** Whether data kept under `tag` is read afresh by the next reader (not served stale while it refreshes). */
function tagExpiredNow(calls: Call[], tag: string): boolean {
  return calls.some(({ fn, args: [t, profile] }) => t === tag && (fn === 'updateTag' || (fn === 'revalidateTag' && typeof profile === 'object' && profile !== null && (profile as { expire?: number }).expire === 0)));
}

// --- the writes -----------------------------------------------------------------------------------------

const staff = '@/app/[locale]/(staff)';
type Write = {
  name: string;
  who: (f: Fixture) => Actor;
  run: (f: Fixture) => Promise<unknown>;
  /** The public pages that show what was written. */
  pages: (f: Fixture) => string[];
  /** Cached public pages that do not show it: they stay cached (none for a catalogue-wide write). */
  unrelated?: (f: Fixture) => string[];
};
const unrelatedToA = (f: Fixture) => ['/about', `/contracts/${f.activeB.reference}`, `/matters/${f.matterB.code}`, `/contractors/${f.contractorY.id}`];

const form = (fields: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
};
const contractPages = (f: Fixture) => ['', `/contracts/${f.activeA.reference}`, `/matters/${f.matterA.code}`, `/contractors/${f.contractorX.id}`];

const writes: Write[] = [
  {
    name: 'a contract suspended',
    who: (f) => f.actors.officerA,
    run: async (f) => (await import(`${staff}/desk/contracts/actions`)).transitionContractAction({ status: 'idle' }, form({ contractId: String(f.activeA.id), transition: 'suspend', reason: '检查', expectedStatus: 'active', confirmation: confirmed(f, 'contract', 'suspend', f.activeA.id) })),
    pages: contractPages,
    unrelated: unrelatedToA,
  },
  {
    name: 'a payment recorded',
    who: (f) => f.actors.officerA,
    run: async (f) => (await import(`${staff}/desk/contracts/actions`)).recordPaymentAction({ status: 'idle' }, form({ contractId: String(f.activeA.id), amountFen: '100.50', paidOn: '2026-07-01' })),
    pages: contractPages,
    unrelated: unrelatedToA,
  },
  {
    name: 'a deliverable accepted',
    who: (f) => f.actors.officerA,
    run: async (f) => (await import(`${staff}/desk/deliverables/actions`)).reviewDeliverableAction({ status: 'idle' }, form({ deliverableId: String(f.deliverableA.id), decision: 'accept', comment: '合格' })),
    pages: contractPages,
    unrelated: unrelatedToA,
  },
  {
    name: 'a matter renamed',
    who: (f) => f.actors.officerA,
    run: async (f) =>
      (await import(`${staff}/desk/matters/actions`)).updateMatterAction({ status: 'idle' }, form({ matterId: String(f.matterA.id), titleZh: '改名', titleEn: 'Renamed', category: 'environment', annualBudgetFen: '2000' })),
    pages: (f) => ['', '/matters', `/matters/${f.matterA.code}`, `/contracts/${f.activeA.reference}`, `/contractors/${f.contractorX.id}`],
    unrelated: unrelatedToA,
  },
  {
    name: 'a contractor suspended',
    who: (f) => f.actors.admin,
    run: async (f) => (await import(`${staff}/desk/contractors/actions`)).changeVerificationAction({ status: 'idle' }, form({ contractorId: String(f.contractorX.id), to: 'suspended', reason: '抽查发现问题', confirmation: confirmed(f, 'contractor', 'suspend', f.contractorX.id) })),
    pages: (f) => ['', '/contractors', `/contractors/${f.contractorX.id}`, `/contracts/${f.activeA.reference}`, `/matters/${f.matterA.code}`],
    unrelated: unrelatedToA,
  },
  {
    name: 'a department renamed',
    who: (f) => f.actors.admin,
    run: async (f) =>
      (await import(`${staff}/admin/departments/actions`)).updateDepartmentAction(
        { status: 'idle' },
        form({ departmentId: String(f.deptA.id), nameZh: '改名局', nameEn: 'Renamed Bureau', kind: 'party', creditCode: '11330383MB0010014D' }),
      ),
    pages: (f) => ['', '/matters', `/matters/${f.matterA.code}`, `/contracts/${f.activeA.reference}`],
  },
];

describe('the model of Next\'s rules', () => {
  it('expires a layout\'s pages, a page pattern\'s pages or one path, and tags only at once when asked', () => {
    const layout: Call[] = [{ fn: 'revalidatePath', args: ['/[locale]', 'layout'] }];
    const page: Call[] = [{ fn: 'revalidatePath', args: ['/[locale]/contracts/[reference]', 'page'] }];
    expect(pageExpired([], '/zh-CN', [])).toBe(false);
    expect(pageExpired(layout, '/zh-CN/contracts/LG-1', [])).toBe(true);
    expect(pageExpired(page, '/zh-CN/contracts/LG-1', [])).toBe(true);
    expect(pageExpired(page, '/zh-CN/contracts', [])).toBe(false);
    expect(pageExpired([{ fn: 'revalidatePath', args: ['/[locale]', 'page'] }], '/zh-CN/matters', [])).toBe(false);
    expect(pageExpired([{ fn: 'revalidatePath', args: ['/en/matters'] }], '/zh-CN/matters', [])).toBe(false);
    expect(pageExpired([{ fn: 'revalidateTag', args: ['a', { expire: 0 }] }], '/zh-CN/matters/X', ['a', 'b'])).toBe(true);
    expect(pageExpired([{ fn: 'revalidateTag', args: ['a', { expire: 0 }] }], '/zh-CN/matters/X', ['b'])).toBe(false);
    expect(tagExpiredNow([{ fn: 'revalidateTag', args: ['t', 'max'] }], 't')).toBe(false);
    expect(tagExpiredNow([{ fn: 'revalidateTag', args: ['t', { expire: 0 }] }], 't')).toBe(true);
    expect(tagExpiredNow([{ fn: 'updateTag', args: ['t'] }], 't')).toBe(true);
  });
});

/** Pages rendered on every request (`dynamic = 'force-dynamic'`): never served from the page cache. */
const dynamicPages = new Set(['/matters', '/contractors']);

/** The tags a cached public page is kept under: those of the cached reads it makes (as its page.tsx does). */
async function pageTags(page: string): Promise<string[]> {
  const c = await import('./cached');
  recorded.lastTags = [];
  const [, kind, key] = page.split('/');
  if (page === '') await Promise.all([c.getCachedPublicStats(), c.getCachedProcurementFigures({}), c.getCachedProcurementByDepartment()]);
  else if (kind === 'contracts') await c.getCachedPublicContract(key!);
  else if (kind === 'matters') await Promise.all([c.getCachedPublicMatter(key!), c.getCachedProcurementFigures({ matterCode: key! })]);
  else if (kind === 'contractors') await c.getCachedPublicContractor(Number(key));
  else if (page !== '/about') throw new Error(`no model of ${page}`);
  return [...recorded.lastTags];
}

describe('after a write the public sees, the next visitor gets fresh pages and figures', () => {
  beforeAll(async () => {
    // The tags the public reads are kept under, as they build themselves (lazily, on their first call).
    const cached = (await import('./cached')) as Record<string, unknown>;
    state.db = buildFixture().db;
    for (const [name, read] of Object.entries(cached)) if (name.startsWith('getCached') && typeof read === 'function') await (read as (x: unknown) => Promise<unknown>)('LG-NONE-000');
  });
  beforeEach(() => {
    recorded.calls.length = 0;
  });

  for (const w of writes) {
    it(`${w.name}: every page that shows it, in both languages, and every cached public read`, async () => {
      const f = buildFixture();
      state.db = f.db;
      state.actor = w.who(f);
      const result = (await w.run(f).catch((e: unknown) => {
        if (String((e as { digest?: unknown }).digest).startsWith('NEXT_REDIRECT')) return { status: 'redirected' };
        throw e;
      })) as { status?: string } | undefined;
      expect(result?.status, JSON.stringify(result)).not.toBe('error');
      for (const locale of ['zh-CN', 'en']) {
        for (const page of w.pages(f)) {
          if (dynamicPages.has(page)) continue;
          const tags = await pageTags(page);
          expect(pageExpired(recorded.calls, `/${locale}${page}`, tags), `/${locale}${page}`).toBe(true);
          // What the page reads is fresh too (the API answers from the same reads).
          if (!tagExpiredNow(recorded.calls, PUBLIC_CACHE_TAG)) for (const tag of tags.filter((t) => t !== PUBLIC_CACHE_TAG)) expect(tagExpiredNow(recorded.calls, tag), `${page}: tag ${tag} expired at once, not served stale`).toBe(true);
        }
        for (const page of w.unrelated?.(f) ?? []) expect(pageExpired(recorded.calls, `/${locale}${page}`, await pageTags(page)), `${page} stays cached`).toBe(false);
      }
      // The matter filter's departments.
      expect(tagExpiredNow(recorded.calls, FIGURES_TAG) || tagExpiredNow(recorded.calls, PUBLIC_CACHE_TAG)).toBe(true);
    });
  }
});
