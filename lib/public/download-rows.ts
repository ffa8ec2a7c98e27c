import 'server-only';
import type Database from 'better-sqlite3';
import { activeContractStatuses, inServiceSql, publishedContractSql, publishedMatterSql, sqlIn } from '../domain/predicates';

// Bulk downloads: flat rows, one statement each, read with better-sqlite3's iterate() on a connection of
// their own (an open iterator keeps its connection busy). Column aliases are the download's field names.

export const matterDownloadColumns = [
  'code', 'titleZh', 'titleEn', 'category', 'departmentCode', 'departmentNameZh', 'departmentNameEn', 'catalogueStatus', 'serviceStatus', 'annualBudgetFen', 'descriptionZh', 'descriptionEn', 'legalBasis', 'serviceStandard',
] as const;
export const contractorDownloadColumns = ['id', 'nameZh', 'nameEn', 'kind', 'creditCode', 'verificationStatus', 'publishedContracts', 'activeContracts'] as const;
export const contractDownloadColumns = [
  'reference', 'status', 'valueFen', 'amountPaidFen', 'startDate', 'endDate', 'matterCode', 'matterTitleZh', 'matterTitleEn', 'matterCategory', 'departmentCode', 'departmentNameZh', 'departmentNameEn', 'contractorId', 'contractorNameZh', 'contractorNameEn', 'contractorKind', 'contractorCreditCode',
] as const;

export type DownloadRow = Record<string, string | number | null>;

export function iterateMatterRows(sqlite: Database.Database): IterableIterator<DownloadRow> {
  return sqlite
    .prepare(
      `select m.code as code, m.title_zh as titleZh, m.title_en as titleEn, m.category as category,
              d.code as departmentCode, d.name_zh as departmentNameZh, d.name_en as departmentNameEn,
              m.catalogue_status as catalogueStatus,
              case when ${inServiceSql('m.catalogue_status', 'm.id', { alias: 'c' })} then 'in_service'
                   when m.catalogue_status = 'withdrawn' then 'withdrawn'
                   else 'not_in_service' end as serviceStatus,
              m.annual_budget_fen as annualBudgetFen, m.description_zh as descriptionZh, m.description_en as descriptionEn,
              m.legal_basis as legalBasis, m.service_standard as serviceStandard
       from matters m join departments d on d.id = m.department_id
       where ${publishedMatterSql('m.catalogue_status')} order by m.code`,
    )
    .iterate() as IterableIterator<DownloadRow>;
}

export function iterateContractorRows(sqlite: Database.Database): IterableIterator<DownloadRow> {
  return sqlite
    .prepare(
      `select k.id as id, k.name_zh as nameZh, k.name_en as nameEn, k.kind as kind, k.credit_code as creditCode,
              k.verification_status as verificationStatus,
              (select count(*) from contracts c where c.contractor_id = k.id and ${publishedContractSql('c.status')}) as publishedContracts,
              (select count(*) from contracts c where c.contractor_id = k.id and ${sqlIn('c.status', activeContractStatuses)}) as activeContracts
       from contractors k order by k.id`,
    )
    .iterate() as IterableIterator<DownloadRow>;
}

export function iterateContractRows(sqlite: Database.Database): IterableIterator<DownloadRow> {
  return sqlite
    .prepare(
      `select c.reference as reference, c.status as status, c.value_fen as valueFen,
              (select coalesce(sum(p.amount_fen), 0) from payments p where p.contract_id = c.id) as amountPaidFen,
              c.start_date as startDate, c.end_date as endDate,
              m.code as matterCode, m.title_zh as matterTitleZh, m.title_en as matterTitleEn, m.category as matterCategory,
              d.code as departmentCode, d.name_zh as departmentNameZh, d.name_en as departmentNameEn,
              k.id as contractorId, k.name_zh as contractorNameZh, k.name_en as contractorNameEn, k.kind as contractorKind, k.credit_code as contractorCreditCode
       from contracts c
       join matters m on m.id = c.matter_id
       join departments d on d.id = c.department_id
       join contractors k on k.id = c.contractor_id
       where ${publishedContractSql('c.status')} order by c.id`,
    )
    .iterate() as IterableIterator<DownloadRow>;
}
