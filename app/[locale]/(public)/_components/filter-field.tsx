import type { ReactNode } from 'react';
import { fieldClass } from '@/app/_components/field-class';

/** A labelled control of a GET filter form. */
export function FilterField({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
    </div>
  );
}

export function FilterSelect({ id, name, label, value, anyLabel, options }: { id: string; name: string; label: string; value: string | undefined; anyLabel: string; options: { value: string; label: string }[] }) {
  return (
    <FilterField id={id} label={label}>
      <select id={id} name={name} defaultValue={value ?? ''} className={fieldClass}>
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FilterField>
  );
}
