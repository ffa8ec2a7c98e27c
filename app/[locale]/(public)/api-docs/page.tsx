import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { apiCodes, apiDownloads, apiEndpoints, apiObjects } from '@/lib/public/api-reference';
import { ON_TIME_GRACE_DAYS } from '@/lib/public/on-time';
import { cellClass, headClass, rowClass, tableClass } from '../_components/public-tables';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'public.apiDocs' });
  return { title: t('title') };
}

const code = 'rounded bg-slate-100 px-1 font-mono text-[0.85em] text-slate-900';

/** Every endpoint and field of the open-data API, from lib/public/api-reference.ts. No database reads. */
export default async function ApiDocsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('public.apiDocs');

  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="max-w-3xl text-slate-700">{t('intro')}</p>
      </header>

      <section aria-labelledby="conventions" className="space-y-2">
        <h2 id="conventions" className="text-lg font-semibold">
          {t('conventionsHeading')}
        </h2>
        <ul className="max-w-3xl list-disc space-y-1 pl-5 text-sm text-slate-800">
          {(['names', 'money', 'dates', 'paging', 'errors', 'privacy', 'onTime', 'cors'] as const).map((k) => (
            <li key={k}>{t(`conventions.${k}`, { days: ON_TIME_GRACE_DAYS })}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="endpoints" className="space-y-4">
        <h2 id="endpoints" className="text-lg font-semibold">
          {t('endpointsHeading')}
        </h2>
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
                    <dd className="text-slate-700">{t(`param.${p}`)}</dd>
                  </div>
                ))}
              </dl>
            ) : null}
            <p className="text-sm text-slate-700">
              {e.list ? t('returnsList', { object: e.returns }) : e.returns === 'download' || e.returns === 'ocds' || e.returns === 'checkpoint' || e.returns === 'events' ? t(`returns.${e.returns}`) : t('returnsObject', { object: e.returns })}
            </p>
          </div>
        ))}
      </section>

      <section aria-labelledby="objects" className="space-y-4">
        <h2 id="objects" className="text-lg font-semibold">
          {t('objectsHeading')}
        </h2>
        {Object.entries(apiObjects).map(([name, list]) => (
          <div key={name} className="space-y-2">
            <h3 id={`object-${name}`} className="font-mono text-base font-semibold">
              {name}
            </h3>
            <p className="text-sm text-slate-700">{t(`object.${name}`)}</p>
            <FieldTable caption={name} fields={list} label={(f) => t(`field.${f}`)} headings={[t('fieldName'), t('fieldMeaning')]} />
          </div>
        ))}
      </section>

      <section aria-labelledby="downloads" className="space-y-4">
        <h2 id="downloads" className="text-lg font-semibold">
          {t('downloadsHeading')}
        </h2>
        <p className="max-w-3xl text-sm text-slate-700">{t('downloadsIntro')}</p>
        {apiDownloads.map((d) => (
          <div key={d.name} className="space-y-2">
            <h3 className="font-mono text-base font-semibold">{d.name}</h3>
            <p className="flex flex-wrap gap-3 text-sm">
              <a href={`/api/public/downloads/${d.name}.csv`} className="text-brand-700 underline" data-testid={`download-${d.name}-csv`}>
                {d.name}.csv
              </a>
              <a href={`/api/public/downloads/${d.name}.json`} className="text-brand-700 underline" data-testid={`download-${d.name}-json`}>
                {d.name}.json
              </a>
            </p>
            <FieldTable caption={`${d.name}.csv / ${d.name}.json`} fields={d.columns} label={(f) => t(`field.${f}`)} headings={[t('fieldName'), t('fieldMeaning')]} />
          </div>
        ))}
      </section>

      <section aria-labelledby="ocds" className="space-y-2">
        <h2 id="ocds" className="text-lg font-semibold">
          {t('ocdsHeading')}
        </h2>
        <ul className="max-w-3xl list-disc space-y-1 pl-5 text-sm text-slate-800">
          {(['package', 'ocid', 'parties', 'value', 'status', 'implementation', 'extensions'] as const).map((k) => (
            <li key={k}>{t(`ocds.${k}`)}</li>
          ))}
        </ul>
        <p className="text-sm">
          <a href="/api/public/ocds/release-package.json" className="text-brand-700 underline" data-testid="download-ocds">
            release-package.json
          </a>
        </p>
      </section>

      <section aria-labelledby="codes" className="space-y-3">
        <h2 id="codes" className="text-lg font-semibold">
          {t('codesHeading')}
        </h2>
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
      </section>
    </article>
  );
}

function FieldTable({ caption, fields, label, headings }: { caption: string; fields: readonly string[]; label: (field: string) => string; headings: [string, string] }) {
  return (
    <div className="overflow-x-auto">
      <table className={tableClass}>
        <caption className="sr-only">{caption}</caption>
        <thead className={headClass}>
          <tr>
            <th scope="col" className={cellClass}>{headings[0]}</th>
            <th scope="col" className="py-2">{headings[1]}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f} className={rowClass}>
              <th scope="row" className={`${cellClass} font-mono text-xs font-normal`}>
                {f}
              </th>
              <td className="py-2 text-slate-800">{label(f)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
