import type { ReactNode } from 'react';

export const inputClass = 'block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base';

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
      <select id={id} name={name} defaultValue={value ?? ''} className={inputClass}>
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
