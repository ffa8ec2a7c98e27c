import { getTranslations } from 'next-intl/server';
import type { ReportedRecordType } from '@/lib/domain/enums';
import { Link } from '@/lib/i18n/navigation';

/** "Report an error in this record": to the public report form, with the record filled in. */
export async function ReportErrorLink({ type, recordKey }: { type: ReportedRecordType; recordKey: string }) {
  const t = await getTranslations('report');
  return (
    <p className="border-t border-slate-200 pt-4 text-sm">
      <Link href={{ pathname: '/report', query: { type, key: recordKey } }} className="text-brand-700 underline" data-testid="report-error-link">
        {t('link')}
      </Link>
    </p>
  );
}
