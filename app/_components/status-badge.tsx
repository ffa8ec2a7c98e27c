import { useTranslations } from 'next-intl';
import type { ContractStatus } from '@/lib/domain/enums';
import { cn } from '@/lib/cn';

const tone: Record<ContractStatus, string> = {
  draft: 'bg-slate-100 text-slate-800',
  pending_approval: 'bg-amber-100 text-amber-900',
  active: 'bg-green-100 text-green-900',
  suspended: 'bg-orange-100 text-orange-900',
  completed: 'bg-blue-100 text-blue-900',
  cancelled: 'bg-slate-200 text-slate-700',
  terminated: 'bg-red-100 text-red-900',
};

export function ContractStatusBadge({ status }: { status: ContractStatus }) {
  const t = useTranslations('contractStatus');
  return <span className={cn('inline-block rounded px-2 py-0.5 text-xs font-medium', tone[status])}>{t(status)}</span>;
}
