import { useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';
import { NotFoundNav } from '../_components/not-found-nav';

export default function NotFound() {
  const t = useTranslations('errors');
  return (
    <div className="space-y-3">
      <NotFoundNav />
      <h1 className="text-2xl font-bold">{t('notFoundTitle')}</h1>
      <p>{t('notFoundBody')}</p>
      <Link href="/" className="text-brand-700 underline">
        {t('backHome')}
      </Link>
    </div>
  );
}
