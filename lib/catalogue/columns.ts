// The CSV columns of the catalogue, one table per kind of record. Import and export share them, so an
// export re-imports into the same catalogue.

export const catalogueKinds = ['departments', 'matters', 'contractors'] as const;
export type CatalogueKind = (typeof catalogueKinds)[number];

/** CSV column → field of the use case's input. `department_code` is resolved to `departmentId` on write. */
export const catalogueColumns = {
  departments: { code: 'code', name_zh: 'nameZh', name_en: 'nameEn', kind: 'kind', credit_code: 'creditCode' },
  matters: {
    code: 'code',
    title_zh: 'titleZh',
    title_en: 'titleEn',
    description_zh: 'descriptionZh',
    description_en: 'descriptionEn',
    category: 'category',
    department_code: 'departmentId',
    legal_basis: 'legalBasis',
    service_standard: 'serviceStandard',
    annual_budget_fen: 'annualBudgetFen',
    catalogue_status: 'catalogueStatus',
    withdrawal_reason: 'withdrawalReason',
  },
  contractors: {
    name_zh: 'nameZh',
    name_en: 'nameEn',
    kind: 'kind',
    credit_code: 'creditCode',
    legal_representative: 'legalRepresentative',
    contact_phone: 'contactPhone',
    contact_email: 'contactEmail',
    qualifications: 'qualifications',
    verification_status: 'verificationStatus',
    status_reason: 'statusReason',
  },
} as const satisfies Record<CatalogueKind, Record<string, string>>;

/** Columns a file of that kind must have; the rest may be left out (a departments file from before credit codes still imports). */
export const requiredColumns: Record<CatalogueKind, readonly string[]> = {
  departments: ['code', 'name_zh', 'name_en', 'kind'],
  matters: ['code', 'title_zh', 'title_en', 'category', 'department_code', 'annual_budget_fen'],
  contractors: ['name_zh', 'name_en', 'kind', 'credit_code', 'legal_representative'],
};

/** Which kind a CSV header describes, by its required columns; null when none fits. */
export function detectCatalogueKind(header: readonly string[]): CatalogueKind | null {
  const has = new Set(header);
  // Most specific first: a matters file also has `code`, like a departments file.
  for (const kind of ['matters', 'contractors', 'departments'] as const) {
    if (requiredColumns[kind].every((c) => has.has(c))) return kind;
  }
  return null;
}
