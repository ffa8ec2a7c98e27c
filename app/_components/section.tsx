import type { ComponentProps, ReactNode } from 'react';

type SectionProps = Omit<ComponentProps<'section'>, 'title' | 'aria-labelledby'> & {
  /** The heading's id; the heading labels the section (aria-labelledby). */
  headingId: string;
  /** What the heading says. */
  title: ReactNode;
  /** h2 (default) or h3, for a section inside a section. */
  level?: 2 | 3;
  /** The heading's classes (default: text-lg font-semibold for h2, font-semibold for h3). */
  headingClassName?: string;
};

/** A page section labelled by its heading: `<section aria-labelledby>` with its `<h2 id>` (or h3) first. */
export function Section({ headingId, title, level = 2, headingClassName, children, ...props }: SectionProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={headingId} {...props}>
      <Heading id={headingId} className={headingClassName ?? (level === 2 ? 'text-lg font-semibold' : 'font-semibold')}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
