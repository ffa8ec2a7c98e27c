import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { DataTable } from '@/app/_components/data-table';
import { getDb } from '@/db/client';
import { listCheckpoints } from '@/lib/audit/checkpoints';
import { Section } from '@/app/_components/section';
import type { Metadata } from 'next';
import { pageTitle } from '@/lib/i18n/page-title';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return pageTitle(locale, 'checkpoints');
}

/** Signed checkpoints of the audit trail, and how anyone can use them to catch a rewritten history. */
export default async function CheckpointsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('checkpoints');
  const format = await getFormatter();
  const { items } = listCheckpoints(getDb(), { limit: 20 });
  const publicKey = items[0]?.publicKey;
  return (
    <div className="max-w-4xl space-y-6">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p>{t('intro')}</p>
      <Section headingId="how" title={t('howTitle')} className="space-y-2">
        <ol className="list-inside list-decimal space-y-1">
          <li>
            {t('step1')}{' '}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a JSON download, not a page */}
            <a href="/api/public/audit/checkpoint" className="font-mono text-brand-700 underline">/api/public/audit/checkpoint</a>
          </li>
          <li>{t('step2')}</li>
          <li>{t('step3')} <code className="rounded bg-slate-100 px-1 font-mono text-sm">npm run audit:verify -- --checkpoint saved.json</code></li>
          <li>{t('step4')}</li>
        </ol>
        <p className="text-sm text-slate-700">{t('format')}</p>
      </Section>
      {publicKey ? (
        <Section headingId="key" title={t('publicKey')} className="space-y-1">
          <p className="break-all rounded bg-slate-100 p-2 font-mono text-xs" data-testid="public-key">{publicKey}</p>
        </Section>
      ) : null}
      <Section headingId="list" title={t('latest')} className="space-y-2">
        <DataTable
          rows={items}
          caption={t('latest')}
          rowKey={(c) => c.id}
          rowTestId="checkpoint-row"
          empty={t('none')}
          columns={[
            { header: t('signedAt'), rowHeader: true, nowrap: true, cell: (c) => format.dateTime(new Date(c.signedAt), { dateStyle: 'medium', timeStyle: 'short' }) },
            { header: t('events'), numeric: true, cell: (c) => c.eventCount },
            { header: t('head'), className: 'break-all font-mono text-xs', cell: (c) => c.headHash },
          ]}
        />
      </Section>
    </div>
  );
}
