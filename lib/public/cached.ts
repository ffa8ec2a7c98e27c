import 'server-only';
import { unstable_cache } from 'next/cache';
import { getDb } from '../../db/client';
import { getEnv } from '../env';
import { getPublicContract, getPublicContractResults } from './contract-queries';
import { getPublicContractor } from './contractor-queries';
import { getPublicMatter, listPublicDepartments } from './matter-queries';
import { getPublicStats } from './stats-queries';
import { regionRules } from '../procurement/regions';
import { procurementDepartmentRows, procurementFigures } from './procurement-queries';
import { contractorTag, contractTag, FIGURES_TAG, matterTag, PUBLIC_CACHE_TAG } from './cache-tags';

// The public reads that do not depend on a query string, kept in Next's data cache under tags
// (lib/public/cache-tags.ts): every read carries PUBLIC_CACHE_TAG, and the tags of what it shows — one
// contract, one matter, one contractor, or the registry-wide figures. revalidatePublic(change) expires the
// tags a write changed, revalidatePublic() all of them; the time limit is only a backstop for writes made
// outside the app (command-line scripts). The database path is part of the key, so a server pointed at
// another database never answers from the old one's cache.

export { PUBLIC_CACHE_TAG } from './cache-tags';
const BACKSTOP_SECONDS = 300;

/** A cached read; `tagsOf` names the tags of its arguments' records. */
function cached<A extends unknown[], R>(name: string, tagsOf: (...args: A) => string[], read: (...args: A) => R): (...args: A) => Promise<R> {
  // Built per call, not at import: `next build` imports pages without a usable environment, and the tags
  // depend on the arguments.
  return (...args: A) =>
    unstable_cache(async (...a: A) => read(...a), ['public', name, getEnv().DATABASE_PATH], { tags: [PUBLIC_CACHE_TAG, ...tagsOf(...args)], revalidate: BACKSTOP_SECONDS })(...args);
}
const figures = () => [FIGURES_TAG];

export const getCachedPublicStats = cached('stats', figures, () => getPublicStats(getDb()));
/** The matter filter lists departments up to this many; beyond it, it asks for a department code. */
const DEPARTMENT_CHOICES_MAX = 200;
/** The departments to choose from, or null when there are too many for a list. */
export const getCachedPublicDepartmentChoices = cached('department-choices', figures, () => {
  const list = listPublicDepartments(getDb(), DEPARTMENT_CHOICES_MAX + 1);
  return list.length > DEPARTMENT_CHOICES_MAX ? null : list;
});
export const getCachedPublicMatter = cached('matter', (code: string) => [matterTag(code)], (code: string) => getPublicMatter(getDb(), code));
export const getCachedPublicContractor = cached('contractor', (id: number) => [contractorTag(id)], (id: number) => getPublicContractor(getDb(), id));
export const getCachedPublicContract = cached('contract', (reference: string) => [contractTag(reference)], (reference: string) => getPublicContract(getDb(), reference));
/** A published contract's targets and accepted results (lib/results). */
export const getCachedPublicContractResults = cached('contract-results', (reference: string) => [contractTag(reference)], (reference: string) => getPublicContractResults(getDb(), reference));
/** How published contracts were awarded, for the whole registry or one matter. */
export const getCachedProcurementFigures = cached('procurement', (scope: { matterCode?: string }) => (scope.matterCode ? [matterTag(scope.matterCode)] : [FIGURES_TAG]), (scope: { matterCode?: string }) => procurementFigures(getDb().$client, regionRules(getEnv().PROCUREMENT_REGION), scope));
export const getCachedProcurementByDepartment = cached('procurement-departments', figures, () => procurementDepartmentRows(getDb().$client, regionRules(getEnv().PROCUREMENT_REGION)));
