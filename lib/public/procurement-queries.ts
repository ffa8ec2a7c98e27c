import type Database from 'better-sqlite3';
import { procurementMethods, type ProcurementMethod } from '../domain/enums';
import { publishedContractSql } from '../domain/predicates';
import type { RegionRules } from '../procurement/regions';
import { hasShortPeriod, hasSingleBidder } from '../procurement/rules';

// How the published contracts' contractors were chosen, in figures: per method the contracts and their value,
// and the red flags (a single bidder in a competition; a submission period under the method's minimum).
// Optionally for one department or one matter.

export type ProcurementFigures = {
  byMethod: Record<ProcurementMethod, { contracts: number; valueFen: number }>;
  /** Published contracts with a recorded procurement, and their value. */
  recorded: { contracts: number; valueFen: number };
  singleBidder: { contracts: number; valueFen: number };
  shortPeriod: { contracts: number; valueFen: number };
};

type Row = { method: ProcurementMethod; noticeDate: string | null; bidDeadline: string | null; numberOfTenderers: number | null; valueFen: number; departmentCode: string };

const zero = () => ({ contracts: 0, valueFen: 0 });
const emptyFigures = (): ProcurementFigures => ({ byMethod: Object.fromEntries(procurementMethods.map((m) => [m, zero()])) as ProcurementFigures['byMethod'], recorded: zero(), singleBidder: zero(), shortPeriod: zero() });

function addTo(figures: ProcurementFigures, r: Row, rules: RegionRules): void {
  const add = (into: { contracts: number; valueFen: number }) => {
    into.contracts += 1;
    into.valueFen += r.valueFen;
  };
  add(figures.byMethod[r.method]);
  add(figures.recorded);
  if (hasSingleBidder(r)) add(figures.singleBidder);
  if (hasShortPeriod(r, rules)) add(figures.shortPeriod);
}

function rowsOf(sqlite: Database.Database, scope: { departmentCode?: string; matterCode?: string }): Row[] {
  const where = [publishedContractSql('c.status'), ...(scope.departmentCode ? ['d.code = @departmentCode'] : []), ...(scope.matterCode ? ['c.matter_id = (select id from matters where code = @matterCode)'] : [])].join(' and ');
  return sqlite
    .prepare(
      `select p.method, p.notice_date as noticeDate, p.bid_deadline as bidDeadline, p.number_of_tenderers as numberOfTenderers, c.value_fen as valueFen, d.code as departmentCode
       from contracts c join contract_procurements p on p.contract_id = c.id join departments d on d.id = c.department_id where ${where}`,
    )
    // better-sqlite3 refuses named values the statement does not use: bind only those in scope.
    .all(...(scope.departmentCode || scope.matterCode ? [{ ...(scope.departmentCode ? { departmentCode: scope.departmentCode } : {}), ...(scope.matterCode ? { matterCode: scope.matterCode } : {}) }] : [])) as Row[];
}

export function procurementFigures(sqlite: Database.Database, rules: RegionRules, scope: { departmentCode?: string; matterCode?: string } = {}): ProcurementFigures {
  const figures = emptyFigures();
  for (const r of rowsOf(sqlite, scope)) addTo(figures, r, rules);
  return figures;
}

/** The same figures for each department with published contracts, keyed by department code. */
export function procurementFiguresByDepartment(sqlite: Database.Database, rules: RegionRules): Map<string, ProcurementFigures> {
  const by = new Map<string, ProcurementFigures>();
  for (const r of rowsOf(sqlite, {})) {
    let figures = by.get(r.departmentCode);
    if (!figures) by.set(r.departmentCode, (figures = emptyFigures()));
    addTo(figures, r, rules);
  }
  return by;
}

/** Per department with published contracts, its names and figures, in department code order (for the overview). */
export function procurementDepartmentRows(sqlite: Database.Database, rules: RegionRules): { code: string; nameZh: string; nameEn: string; figures: ProcurementFigures }[] {
  const by = procurementFiguresByDepartment(sqlite, rules);
  const names = sqlite.prepare('select code, name_zh as nameZh, name_en as nameEn from departments order by code').all() as { code: string; nameZh: string; nameEn: string }[];
  return names.flatMap((d) => (by.has(d.code) ? [{ ...d, figures: by.get(d.code)! }] : []));
}
