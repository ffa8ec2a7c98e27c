import { useTranslations } from 'next-intl';
import { cn } from '@/lib/cn';
import type { MatterServiceStatus } from '@/lib/public/dto';

const tone: Record<MatterServiceStatus, string> = {
  in_service: 'bg-green-100 text-green-900',
  not_in_service: 'bg-amber-100 text-amber-900',
  withdrawn: 'bg-slate-200 text-slate-800',
};

export function ServiceStatusBadge({ status }: { status: MatterServiceStatus }) {
  const t = useTranslations('public.serviceStatus');
  return <span className={cn('inline-block rounded px-2 py-0.5 text-xs font-medium', tone[status])}>{t(status)}</span>;
}
