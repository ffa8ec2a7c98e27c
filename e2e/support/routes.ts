import { openRegistry } from '../public/registry';
import { demo } from './auth';

/**
 * Every page route of the app, for each role that uses it, for tests that visit them all (e2e/sweep.spec.ts).
 *
 * A route is written with named placeholders (`/desk/contracts/:officerContract`); `sampleIds()` looks the
 * real values up in the e2e server's database at test time (records the sample data holds, chosen by what
 * they are — "the demo contractor's active contract" — never by a fixed id that could drift).
 * A new page belongs here: the sweep then checks it at phone width, for every role that may open it, in both
 * locales.
 */

export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];

export const sweepRoles = ['public', 'admin', 'officer', 'approver', 'auditor', 'evaluator', 'contractor'] as const;
export type SweepRole = (typeof sweepRoles)[number];

/** The demo account of each signed-in role (README, "Demo accounts"); the public visitor signs in as nobody. */
export const roleAccount: Record<Exclude<SweepRole, 'public'>, string> = {
  admin: demo('admin'),
  officer: demo('officer'),
  approver: demo('approver'),
  auditor: demo('auditor'),
  evaluator: demo('evaluator'),
  contractor: demo('contractor'),
};

export type SampleIds = {
  /** A listed matter of the catalogue (public page) and its id (staff page). */
  listedMatterCode: string;
  /** A withdrawn matter, published with its reason. */
  withdrawnMatterCode: string | null;
  /** A verified contractor, and a debarred or suspended one (its public page explains the status). */
  verifiedContractor: string;
  sanctionedContractor: string | null;
  /** Public contract pages: an active one, and an ended one (completed or terminated). */
  activeReference: string;
  endedReference: string | null;
  /** Staff pages in the demo officer's department: a matter, an active contract, a draft and one awaiting approval. */
  officerMatter: string;
  officerActiveContract: string;
  officerDraftContract: string | null;
  /** A draft in any department (the admin and the auditor read every department's contracts). */
  anyDraftContract: string | null;
  pendingContract: string | null;
  /** The demo contractor's own contract, and a contract assigned to the demo evaluator. */
  contractorContract: string;
  evaluatorContract: string | null;
  /** An officer's user record and a department (admin pages). */
  someUser: string;
  someDepartment: string;
};

/** Looks up the sample records the routes name (read-only, in the e2e server's database). */
export function sampleIds(): SampleIds {
  const db = openRegistry();
  try {
    const one = (sql: string, ...args: unknown[]): string | null => {
      const row = db.prepare(sql).pluck().get(...args) as string | number | undefined;
      return row === undefined ? null : String(row);
    };
    const must = (what: string, value: string | null): string => {
      if (value === null) throw new Error(`sample data has no ${what}`);
      return value;
    };
    const officerDept = must('demo officer', one('select department_id from users where email = ?', demo('officer')));
    const contractorOrg = must('demo contractor', one('select contractor_id from users where email = ?', demo('contractor')));
    return {
      listedMatterCode: must('listed matter', one("select code from matters where catalogue_status = 'listed' order by id limit 1")),
      withdrawnMatterCode: one("select code from matters where catalogue_status = 'withdrawn' order by id limit 1"),
      verifiedContractor: must('verified contractor', one("select id from contractors where verification_status = 'verified' order by id limit 1")),
      sanctionedContractor:
        one("select id from contractors where verification_status = 'debarred' order by id limit 1") ??
        one("select id from contractors where verification_status = 'suspended' order by id limit 1"),
      activeReference: must('active contract', one("select reference from contracts where status = 'active' order by id limit 1")),
      endedReference:
        one("select reference from contracts where status = 'terminated' order by id limit 1") ??
        one("select reference from contracts where status = 'completed' order by id limit 1"),
      officerMatter: must("officer's matter", one('select id from matters where department_id = ? order by id limit 1', officerDept)),
      officerActiveContract: must("officer's active contract", one("select id from contracts where department_id = ? and status = 'active' order by id limit 1", officerDept)),
      officerDraftContract: one("select id from contracts where department_id = ? and status = 'draft' order by id limit 1", officerDept),
      anyDraftContract: one("select id from contracts where status = 'draft' order by id limit 1"),
      pendingContract: one("select id from contracts where department_id = ? and status = 'pending_approval' order by id limit 1", officerDept),
      contractorContract: must("contractor's contract", one("select id from contracts where contractor_id = ? and status = 'active' order by id limit 1", contractorOrg)),
      evaluatorContract: one('select a.contract_id from evaluator_assignments a join users u on u.id = a.user_id where u.email = ? order by a.id limit 1', demo('evaluator')),
      someUser: must('officer user', one('select id from users where email = ?', demo('officer'))),
      someDepartment: officerDept,
    };
  } finally {
    db.close();
  }
}

type Route = { path: string; roles: readonly SweepRole[] };

const everyone = sweepRoles;
const signedIn = sweepRoles.filter((r) => r !== 'public');
const readers = ['admin', 'officer', 'approver', 'auditor'] as const;

/**
 * Every page, and who opens it. Public pages are visited by the public visitor (their HTML is the same for
 * everyone, from the page cache); each signed-in role also opens the public home page, its header included.
 */
export const routes: readonly Route[] = [
  // Public
  { path: '/', roles: everyone },
  { path: '/matters', roles: ['public'] },
  { path: '/matters/:listedMatterCode', roles: ['public'] },
  { path: '/matters/:withdrawnMatterCode', roles: ['public'] },
  { path: '/contractors', roles: ['public'] },
  { path: '/contractors/:verifiedContractor', roles: ['public'] },
  { path: '/contractors/:sanctionedContractor', roles: ['public'] },
  { path: '/contracts/:activeReference', roles: ['public'] },
  { path: '/contracts/:endedReference', roles: ['public'] },
  { path: '/checkpoints', roles: ['public'] },
  { path: '/about', roles: ['public'] },
  { path: '/publication-policy', roles: ['public'] },
  { path: '/api-docs', roles: ['public'] },
  { path: '/report', roles: ['public'] },
  { path: '/sign-in', roles: ['public'] },
  { path: '/no/such/page', roles: ['public', 'officer'] },
  // Every signed-in person
  { path: '/change-password', roles: signedIn },
  { path: '/notifications', roles: signedIn },
  // Officer and approver
  { path: '/desk', roles: ['officer', 'approver'] },
  { path: '/desk/contracts/new', roles: ['officer'] },
  { path: '/desk/contracts/:officerDraftContract', roles: ['officer'] },
  { path: '/desk/contracts/:officerDraftContract/edit', roles: ['officer'] },
  { path: '/approvals', roles: ['approver'] },
  { path: '/desk/contracts/:pendingContract', roles: ['approver'] },
  // Catalogue and register (staff side)
  { path: '/desk/matters', roles: readers },
  { path: '/desk/matters/new', roles: ['admin', 'officer'] },
  { path: '/desk/matters/:officerMatter', roles: ['admin', 'officer', 'auditor'] },
  { path: '/desk/contractors', roles: readers },
  { path: '/desk/contractors/new', roles: ['admin'] },
  { path: '/desk/contractors/:verifiedContractor', roles: ['admin', 'officer', 'auditor'] },
  { path: '/desk/contracts', roles: readers },
  { path: '/desk/contracts/:officerActiveContract', roles: ['admin', 'officer', 'auditor'] },
  { path: '/desk/contracts/:anyDraftContract', roles: ['admin', 'auditor'] },
  // Admin
  { path: '/admin/users', roles: ['admin'] },
  { path: '/admin/users/new', roles: ['admin'] },
  { path: '/admin/users/:someUser', roles: ['admin'] },
  { path: '/admin/departments', roles: ['admin', 'auditor'] },
  { path: '/admin/departments/:someDepartment', roles: ['admin', 'auditor'] },
  { path: '/admin/import', roles: ['admin'] },
  { path: '/admin/reports', roles: ['admin'] },
  { path: '/admin/reports?status=closed', roles: ['admin'] },
  { path: '/audit', roles: ['admin', 'auditor'] },
  // Contractor and evaluator
  { path: '/portal', roles: ['contractor'] },
  { path: '/desk/contracts/:contractorContract', roles: ['contractor'] },
  { path: '/evaluations', roles: ['evaluator'] },
  { path: '/desk/contracts/:evaluatorContract', roles: ['evaluator'] },
];

/** The routes a role opens, as written (placeholders unresolved: test names stay stable). */
export const routesFor = (role: SweepRole): string[] => routes.filter((r) => r.roles.includes(role)).map((r) => r.path);

/** `/desk/contracts/:pendingContract` with the sample's value, under the locale; null when the sample has no such record. */
export function resolve(path: string, locale: Locale, ids: SampleIds): string | null {
  let missing = false;
  const filled = path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = ids[name as keyof SampleIds];
    if (value === null || value === undefined) missing = true;
    return encodeURIComponent(String(value));
  });
  if (missing) return null;
  return `/${locale}${filled === '/' ? '' : filled}`;
}
