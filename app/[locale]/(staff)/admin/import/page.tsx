import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { requirePageUser } from '@/lib/auth/current';
import { can } from '@/lib/auth/permissions';
import { buildActor } from '@/lib/auth/actor';
import { ImportForm } from './import-form';
import { Section } from '@/app/_components/section';

export default async function ImportPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = buildActor(await requirePageUser(locale));
  if (!can(actor, 'catalogue.import')) notFound();
  const t = await getTranslations('importPage');
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="text-sm text-slate-700">{t('intro')}</p>
      <p className="text-sm text-slate-700">{t('apostrophe')}</p>
      <ImportForm />
      <Section headingId="export-heading" title={t('export')} className="space-y-1">
        <ul className="list-inside list-disc text-sm">
          {(['departments', 'matters', 'contractors'] as const).map((k) => (
            <li key={k}><a href={`/api/admin/catalogue/${k}`} className="text-brand-700 underline" download>{t(`exportKinds.${k}`)}</a></li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
