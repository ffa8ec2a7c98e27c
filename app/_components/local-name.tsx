import { useLocale } from 'next-intl';
import type { ReactNode } from 'react';
import { localName } from '@/lib/i18n/local-name';

const han = /\p{Script=Han}/u;

/**
 * A name kept in both languages (department, contractor, matter): the English one on English pages; where
 * there is none, the Chinese one marked as Chinese (lang="zh-CN"), so screen readers switch voice (WCAG 3.1.2).
 * With only `zh`, a name that has no English form (a person's): marked as Chinese on English pages when it is.
 */
/** Marks a Chinese name lang="zh-CN" where it stands in on an English page. */
export function zhMark(fallback: boolean) {
  return function ZhMark(chunks: ReactNode) {
    return fallback ? <span lang="zh-CN">{chunks}</span> : chunks;
  };
}

export function LocalName({ zh, en }: { zh: string; en?: string | null }) {
  const locale = useLocale();
  const { text, fallback } = en === undefined ? { text: zh, fallback: locale !== 'zh-CN' } : localName(locale, zh, en);
  return fallback && han.test(text) ? <span lang="zh-CN">{text}</span> : <>{text}</>;
}
