/**
 * A name kept in both languages, in the reader's: the English one on English pages, the Chinese one
 * otherwise and wherever the English one is blank. `fallback` says the Chinese one stands in on an English
 * page, to be marked lang="zh-CN" (app/_components/local-name.tsx does it for JSX).
 */
export function localName(locale: string, zh: string, en: string | null | undefined): { text: string; fallback: boolean } {
  if (locale === 'zh-CN') return { text: zh, fallback: false };
  const english = en?.trim();
  return english ? { text: english, fallback: false } : { text: zh, fallback: true };
}
