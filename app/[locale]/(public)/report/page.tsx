import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import { reportedRecordTypes, type ReportedRecordType } from '@/lib/domain/enums';
import { pickMessages } from '@/lib/i18n/client-messages';
import { ReportForm } from './report-form';

// Reads its query string (which record the visitor came from): rendered per request.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'report' });
  return { title: t('title') };
}

/** "Report an error in this record": linked from every public record page as /report?type=contract&key=LG-2026-0009. */
export default async function ReportPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ type?: string; key?: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { type, key } = await searchParams;
  const t = await getTranslations('report');
  const recordType = reportedRecordTypes.find((r): r is ReportedRecordType => r === type);
  const recordKey = typeof key === 'string' && key.length <= 60 ? key : undefined;
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="text-slate-700">{t('intro')}</p>
      <NextIntlClientProvider messages={pickMessages(await getMessages(), ['report', 'validation', 'errors'])}>
        <ReportForm recordType={recordType} recordKey={recordKey} />
      </NextIntlClientProvider>
    </div>
  );
}
