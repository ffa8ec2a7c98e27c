import type { ReactNode } from 'react';

/**
 * Text the registry keeps in Chinese only (terms, milestone and deliverable titles, reasons): marked as
 * such, so that on the English pages screen readers switch voice (WCAG 3.1.2, language of parts).
 */
export function ZhText({ children }: { children: ReactNode }) {
  return <span lang="zh-CN">{children}</span>;
}
