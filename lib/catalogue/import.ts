import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { writeTransaction, type Db, type Tx } from '../../db/client';
import { departments } from '../../db/schema';
import { appendAuditEvent } from '../audit/append';
import type { Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';
import { createContractorInTx } from '../contractors/service';
import { restoreCsvCell } from '../csv/write';
import { createDepartmentInTx } from '../departments/service';
import { isAppError } from '../errors';
import { createMatterInTx } from '../matters/service';
import { catalogueColumns, detectCatalogueKind, type CatalogueKind } from './columns';

/** One problem with one row: the spreadsheet row number (the header is row 1), the column and why. */
export type RowProblem = { file: string; row: number; column: string | null; reason: string };

export type CatalogueFile = { name: string; text: string };

export type ImportReport = {
  ok: boolean;
  dryRun: boolean;
  counts: Record<CatalogueKind, number>;
  problems: RowProblem[];
};

type ParsedFile = { name: string; kind: CatalogueKind; rows: { row: number; record: Record<string, string> }[] };

class RollBack extends Error {}

const order: Record<CatalogueKind, number> = { departments: 0, contractors: 1, matters: 2 };

function parseFile(file: CatalogueFile, problems: RowProblem[]): ParsedFile | null {
  let records: string[][];
  try {
    records = parse(file.text, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    problems.push({ file: file.name, row: line ?? 1, column: null, reason: `csv_syntax: ${(e as Error).message}` });
    return null;
  }
  const header = (records[0] ?? []).map((h) => h.trim());
  const kind = detectCatalogueKind(header);
  if (!kind) {
    problems.push({ file: file.name, row: 1, column: null, reason: 'unknown_header' });
    return null;
  }
  const known = catalogueColumns[kind] as Record<string, string>;
  for (const h of header) if (!(h in known)) problems.push({ file: file.name, row: 1, column: h, reason: 'unknown_column' });
  // The registry's exports (lib/csv/write.ts) put an apostrophe before a cell that starts like a formula
  // (= + - @ TAB CR) and before one that starts with an apostrophe, so spreadsheets show it as text. Exactly
  // one leading apostrophe is dropped from every cell, which undoes both and reads an export back unchanged.
  // A hand-written cell that really starts with an apostrophe needs two.
  const rows = records.slice(1).map((cells, i) => {
    if (cells.length !== header.length) problems.push({ file: file.name, row: i + 2, column: null, reason: 'column_count' });
    return { row: i + 2, record: Object.fromEntries(header.map((h, j) => [h, restoreCsvCell(cells[j] ?? '')])) };
  });
  return { name: file.name, kind, rows };
}

/** A CSV row as the use case's input; empty cells are left out so defaults apply. */
function toInput(tx: Tx, kind: CatalogueKind, record: Record<string, string>): Record<string, unknown> {
  const columns = catalogueColumns[kind] as Record<string, string>;
  const input: Record<string, unknown> = {};
  for (const [column, field] of Object.entries(columns)) {
    const value = record[column];
    if (value === undefined || value.trim() === '') continue;
    if (column === 'department_code') {
      const dept = tx.select({ id: departments.id }).from(departments).where(eq(departments.code, value.trim())).get();
      input[field] = dept?.id ?? -1;
    } else {
      input[field] = value;
    }
  }
  return input;
}

const fieldToColumn = (kind: CatalogueKind, field: string): string | null => {
  const entry = Object.entries(catalogueColumns[kind] as Record<string, string>).find(([, f]) => f === field.split('.')[0]);
  return entry ? entry[0] : null;
};

function problemsFromError(file: string, kind: CatalogueKind, row: number, e: unknown): RowProblem[] {
  if (!isAppError(e)) throw e;
  const fieldErrors = e.details.fieldErrors;
  if (fieldErrors && Object.keys(fieldErrors).length > 0) {
    return Object.entries(fieldErrors).flatMap(([field, reasons]) =>
      reasons.map((reason) => ({
        file,
        row,
        column: fieldToColumn(kind, field),
        // A department code that matched nothing reaches the schema as -1.
        reason: field === 'departmentId' && reason !== 'unknown_department' ? 'unknown_department' : reason,
      })),
    );
  }
  return [{ file, row, column: null, reason: e.details.rule ?? e.code }];
}

/**
 * Imports departments, contractors and matters from CSV files, every row through its use case (permission,
 * validation, write, audit event). Either every row is written or none: all rows are tried, each in a
 * savepoint, so a dry run and a failed import list every bad row, then the whole transaction rolls back.
 */
export function importCatalogue(db: Db, actor: Actor, files: CatalogueFile[], options: { dryRun: boolean; source?: string }): ImportReport {
  requirePermission(actor, 'catalogue.import');
  const problems: RowProblem[] = [];
  const parsed = files.map((f) => parseFile(f, problems)).filter((f): f is ParsedFile => f !== null);
  parsed.sort((a, b) => order[a.kind] - order[b.kind]);
  const counts: Record<CatalogueKind, number> = { departments: 0, matters: 0, contractors: 0 };

  try {
    writeTransaction(db, (tx) => {
      for (const file of parsed) {
        for (const { row, record } of file.rows) {
          try {
            tx.transaction((sp) => {
              const input = toInput(sp, file.kind, record);
              if (file.kind === 'departments') createDepartmentInTx(sp, actor, input);
              else if (file.kind === 'matters') createMatterInTx(sp, actor, input);
              else createContractorInTx(sp, actor, input);
            });
            counts[file.kind] += 1;
          } catch (e) {
            problems.push(...problemsFromError(file.name, file.kind, row, e));
          }
        }
      }
      if (problems.length > 0 || options.dryRun) throw new RollBack();
      appendAuditEvent(tx, actor, {
        action: 'catalogue.imported',
        entityType: 'catalogue',
        entityId: 'catalogue',
        data: { counts, source: options.source ?? files.map((f) => f.name).join(', ') },
      });
    });
  } catch (e) {
    if (!(e instanceof RollBack)) throw e;
  }
  return { ok: problems.length === 0, dryRun: options.dryRun, counts, problems };
}
