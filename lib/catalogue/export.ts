import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contractors, departments, matters } from '../../db/schema';
import type { Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';
import { csvChunks, type CsvCell } from '../csv/write';
import { catalogueColumns, type CatalogueKind } from './columns';

function rows(db: Db, kind: CatalogueKind): Record<string, unknown>[] {
  if (kind === 'departments') return db.select().from(departments).orderBy(asc(departments.code)).all();
  if (kind === 'contractors') return db.select().from(contractors).orderBy(asc(contractors.creditCode)).all();
  return db
    .select({ matter: matters, departmentCode: departments.code })
    .from(matters)
    .innerJoin(departments, eq(departments.id, matters.departmentId))
    .orderBy(asc(matters.code))
    .all()
    .map((r) => ({ ...r.matter, departmentId: r.departmentCode }));
}

/**
 * The catalogue as CSV in the import's own columns (UTF-8 with a BOM, so spreadsheet programs read
 * Chinese), so that an export re-imported into an empty registry gives the same catalogue. Cells are written
 * by lib/csv/write.ts: a text cell that starts like a formula (= + - @) or with an apostrophe gets a leading
 * apostrophe, which the import drops again. It includes contact details: catalogue export is for
 * administrators only.
 */
export function exportCatalogueCsv(db: Db, actor: Actor, kind: CatalogueKind): string {
  requirePermission(actor, 'catalogue.import');
  const columns = catalogueColumns[kind] as Record<string, string>;
  const records = rows(db, kind).map((r) => Object.fromEntries(Object.entries(columns).map(([column, field]) => [column, r[field] as CsvCell])));
  return [...csvChunks(records, Object.keys(columns))].join('');
}
