import type { ReactNode } from 'react';

/** Label–value pairs that stack on a phone and sit side by side on a wider screen. */
export function DefinitionList({ items }: { items: { label: string; value: ReactNode; testId?: string }[] }) {
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
      {items.map((item) => (
        <div key={item.label} className="contents" data-testid={item.testId}>
          <dt className="font-medium text-slate-700">{item.label}</dt>
          <dd className="mb-2 break-words text-slate-900 sm:mb-0">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
