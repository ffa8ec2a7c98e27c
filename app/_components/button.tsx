import { Slot } from 'radix-ui';
import type { ComponentProps } from 'react';
import { cn } from '@/lib/cn';

const variants = {
  primary: 'bg-brand-700 text-white hover:bg-brand-900',
  outline: 'border border-brand-700 text-brand-700 hover:bg-brand-50',
  danger: 'bg-red-700 text-white hover:bg-red-900',
} as const;

/** shadcn-style button; `asChild` renders the styling onto a link (radix Slot). */
export function Button({ className, variant = 'primary', asChild = false, ...props }: ComponentProps<'button'> & { variant?: keyof typeof variants; asChild?: boolean }) {
  const Comp = asChild ? Slot.Root : 'button';
  return (
    <Comp
      className={cn(
        'inline-flex items-center justify-center rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 disabled:opacity-60',
        variants[variant],
        className,
      )}
      {...props}
    />
  );
}
