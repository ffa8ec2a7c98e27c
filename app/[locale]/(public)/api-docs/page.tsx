import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { DataTable } from '@/app/_components/data-table';
import { Link } from '@/lib/i18n/navigation';
import {
  apiChangelog,
  apiCodes,
  apiDownloads,
  apiEndpoints,
  apiObjects,
  isApiResource,
  ocdsDownloads,
  ocdsExtensionFields,
  ocdsExtensionFiles,
  ocdsPackageFields,
  ocdsReleaseFields,
} from '@/lib/public/api-reference';
import { ON_TIME_GRACE_DAYS } from '@/lib/domain/predicates';
import { Section } from '@/app/_components/section';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'public.apiDocs' });
  return { title: t('title') };
}

const code = 'rounded bg-slate-100 px-1 font-mono text-[0.85em] text-slate-900';
const fileLink = 'break-all font-mono text-brand-700 underline';

/**
 * Every endpoint and field of the open-data API, from lib/public/api-reference.ts: the downloads first, then
 * the conventions, endpoints, objects, the OCDS files and their extension, codes and the changelog for
 * consumers. No database reads.
 */
export default async function ApiDocsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('public.apiDocs');
  const format = await getFormatter();
  const policyLink = (chunks: ReactNode) => (
    <Link href="/publication-policy" className="text-brand-700 underline">
      {chunks}
    </Link>
  );

  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="max-w-3xl text-slate-700">{t('intro')}</p>
      </header>

      <Section headingId="downloads" title={t('downloadsHeading')} className="space-y-3">
        <p className="max-w-3xl text-sm text-slate-700">{t('downloadsIntro')}</p>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {apiDownloads.map((d) => (
            <li key={d.name} className="space-y-1 rounded-lg border border-slate-200 bg-white p-4">
              <p className="font-medium">{t(`downloadLabel.${d.name}`)}</p>
              <p className="flex flex-wrap gap-3 text-sm">
                <a href={`/api/public/downloads/${d.name}.csv`} className={fileLink} data-testid={`download-${d.name}-csv`}>
                  {d.name}.csv
                </a>
                <a href={`/api/public/downloads/${d.name}.json`} className={fileLink} data-testid={`download-${d.name}-json`}>
                  {d.name}.json
                </a>
              </p>
            </li>
          ))}
          {ocdsDownloads.map((d) => (
            <li key={d.key} className="space-y-1 rounded-lg border border-slate-200 bg-white p-4">
              <p className="font-medium">{t(`downloadLabel.${d.key}`)}</p>
              <p className="text-sm">
                <a href={d.path} className={fileLink} data-testid={d.key === 'releasePackage' ? 'download-ocds' : 'download-ocds-records'}>
                  {d.file}
                </a>
              </p>
            </li>
          ))}
        </ul>
        <ul className="max-w-3xl list-disc space-y-1 pl-5 text-sm text-slate-700">
          <li>{t('downloadsCsv')}</li>
          <li>{t('downloadsOcds')}</li>
          <li>{t.rich('downloadsPolicy', { link: policyLink })}</li>
          <li>
            <a href="#download-columns" className="text-brand-700 underline">
              {t('downloadsColumnsLink')}
            </a>
            {' · '}
            <a href="#changelog" className="text-brand-700 underline">
              {t('changelogLink')}
            </a>
          </li>
        </ul>
      </Section>

      <Section headingId="conventions" title={t('conventionsHeading')} className="space-y-2">
        <ul className="max-w-3xl list-disc space-y-1 pl-5 text-sm text-slate-800">
          {(['names', 'money', 'dates', 'paging', 'errors', 'privacy', 'onTime', 'cors'] as const).map((k) => (
            <li key={k}>{t(`conventions.${k}`, { days: ON_TIME_GRACE_DAYS })}</li>
          ))}
        </ul>
      </Section>

      <Section headingId="endpoints" title={t('endpointsHeading')} className="space-y-4">
        {apiEndpoints.map((e) => (
          <div key={e.key} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" data-testid={`endpoint-${e.key}`}>
            <h3 className="break-all font-mono text-sm font-semibold">GET {e.path}</h3>
            <p className="text-sm text-slate-800">{t(`endpoint.${e.key}`)}</p>
            {e.params.length > 0 ? (
              <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                {e.params.map((p) => (
                  <div key={p} className="contents">
                    <dt>
                      <code className={code}>{p}</code>
                    </dt>
                    <dd className="text-slate-700"><CodeText text={t(`param.${p}`)} /></dd>
                  </div>
                ))}
              </dl>
            ) : null}
            <p className="text-sm text-slate-700">
              {isApiResource(e.returns) ? t(`returns.${e.returns}`) : e.list ? t('returnsList', { object: e.returns }) : t('returnsObject', { object: e.returns })}
            </p>
          </div>
        ))}
      </Section>

      <Section headingId="objects" title={t('objectsHeading')} className="space-y-4">
        {Object.entries(apiObjects).map(([name, list]) => (
          <div key={name} className="space-y-2">
            <h3 id={`object-${name}`} className="font-mono text-base font-semibold">
              {name}
            </h3>
            <p className="text-sm text-slate-700">{t(`object.${name}`)}</p>
            <FieldTable caption={name} rows={list.map((f) => [f, t(`field.${f}`)])} headings={[t('fieldName'), t('fieldMeaning')]} />
          </div>
        ))}
      </Section>

      <Section headingId="download-columns" title={t('columnsHeading')} className="space-y-4">
        <p className="max-w-3xl text-sm text-slate-700">{t('columnsIntro')}</p>
        {apiDownloads.map((d) => (
          <div key={d.name} className="space-y-2">
            <h3 className="text-base font-semibold">
              {t(`downloadLabel.${d.name}`)}{' '}
              <span className="font-mono text-sm font-normal text-slate-600">
                {d.name}.csv, {d.name}.json
              </span>
            </h3>
            <FieldTable caption={`${d.name}.csv / ${d.name}.json`} rows={d.columns.map((f) => [f, t(`field.${f}`)])} headings={[t('fieldName'), t('fieldMeaning')]} />
          </div>
        ))}
      </Section>

      <Section headingId="ocds" title={t('ocdsHeading')} className="space-y-4">
        <ul className="max-w-3xl list-disc space-y-1 pl-5 text-sm text-slate-800">
          {(['package', 'history', 'records', 'since', 'ocid', 'parties', 'value', 'status', 'implementation', 'dates', 'arrays', 'privacy'] as const).map((k) => (
            <li key={k}>{t(`ocds.${k}`)}</li>
          ))}
        </ul>
        <div className="space-y-2">
          <h3 className="text-base font-semibold">{t('ocdsPackageHeading')}</h3>
          <FieldTable caption={t('ocdsPackageHeading')} rows={ocdsPackageFields.map((f) => [f.path, t(`ocdsField.${f.key}`)])} headings={[t('fieldName'), t('fieldMeaning')]} />
        </div>
        <div className="space-y-2">
          <h3 className="text-base font-semibold">{t('ocdsReleaseHeading')}</h3>
          <FieldTable caption={t('ocdsReleaseHeading')} rows={ocdsReleaseFields.map((f) => [f.path, t(`ocdsField.${f.key}`)])} headings={[t('fieldName'), t('fieldMeaning')]} />
        </div>
        {/* The extension's documentationUrl (lib/ocds/extension/extension.json) points at this anchor. */}
        <Section headingId="ocds-extension-heading" title={t('extensionHeading')} level={3} headingClassName="text-base font-semibold" id="ocds-extension" className="space-y-2" data-testid="ocds-extension">
          <p className="max-w-3xl text-sm text-slate-700">{t('extensionIntro')}</p>
          <p className="flex flex-wrap gap-3 text-sm">
            {ocdsExtensionFiles.map((path) => (
              <a key={path} href={path} className={fileLink}>
                {path.split('/').at(-1)}
              </a>
            ))}
          </p>
          <FieldTable caption={t('extensionHeading')} rows={ocdsExtensionFields.map((f) => [f.path, t(`extensionField.${f.key}`)])} headings={[t('fieldName'), t('fieldMeaning')]} />
        </Section>
      </Section>

      <Section headingId="codes" title={t('codesHeading')} className="space-y-3">
        <dl className="space-y-2 text-sm">
          {Object.entries(apiCodes).map(([name, values]) => (
            <div key={name}>
              <dt className="font-mono font-semibold">{name}</dt>
              <dd className="flex flex-wrap gap-2">
                {values.map((v) => (
                  <code key={v} className={code}>
                    {v}
                  </code>
                ))}
              </dd>
            </div>
          ))}
        </dl>
      </Section>

      <Section headingId="changelog" title={t('changelogHeading')} className="space-y-3">
        <p className="max-w-3xl text-sm text-slate-700">{t('changelogIntro')}</p>
        {apiChangelog.map((entry) => (
          <div key={entry.date} className="space-y-2">
            <h3 className="text-base font-semibold">
              <time dateTime={entry.date}>{format.dateTime(new Date(`${entry.date}T12:00:00+08:00`), { dateStyle: 'long' })}</time>
            </h3>
            <ul className="max-w-3xl list-disc space-y-1 pl-5 text-sm text-slate-800">
              {entry.items.map((k) => (
                <li key={k}>{t(`changelog.${k}`)}</li>
              ))}
            </ul>
          </div>
        ))}
      </Section>
    </article>
  );
}

/** Identifiers in a description (field names, code values) as code, the way the API writes them. */
function CodeText({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b|\b[a-z][a-zA-Z0-9]*(?:\.[a-z][a-zA-Z0-9_]*)+\b/g)) {
    if (m[0] === 'e.g' || m[0] === 'i.e') continue;
    parts.push(text.slice(last, m.index), <code key={m.index} className="font-mono text-xs">{m[0]}</code>);
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last));
  return <>{parts}</>;
}

function FieldTable({ caption, rows, headings }: { caption: string; rows: (readonly [string, string])[]; headings: [string, string] }) {
  return (
    <DataTable
      rows={rows}
      caption={caption}
      rowKey={([name]) => name}
      columns={[
        { header: headings[0], rowHeader: true, className: 'text-xs', cell: ([name]) => <code className="font-mono break-all">{name}</code> },
        { header: headings[1], className: 'text-slate-800', cell: ([, meaning]) => <CodeText text={meaning} /> },
      ]}
    />
  );
}
