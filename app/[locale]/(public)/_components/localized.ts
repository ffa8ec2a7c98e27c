/** The reader's language version of a field stored in both: English on /en, Chinese otherwise. */
export function localized(locale: string, zh: string, en: string): string {
  return locale === 'en' ? en || zh : zh;
}
