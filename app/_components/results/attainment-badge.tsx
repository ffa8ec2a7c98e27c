import { useTranslations } from 'next-intl';
import { cn } from '@/lib/cn';
import type { AttainmentStatus } from '@/lib/results/attainment';

const tone: Record<AttainmentStatus, string> = {
  met: 'bg-blue-100 text-blue-900',
  on_track: 'bg-green-100 text-green-900',
  behind: 'bg-red-100 text-red-900',
  no_target: 'bg-slate-100 text-slate-800',
  no_results: 'bg-amber-100 text-amber-900',
};

/** An indicator's attainment status as a badge: met, on track, behind, no target, no results yet. */
export function AttainmentBadge({ status }: { status: AttainmentStatus }) {
  const t = useTranslations('results.status');
  return <span className={cn('inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium', tone[status])}>{t(status)}</span>;
}
