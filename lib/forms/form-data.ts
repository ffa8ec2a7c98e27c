import { routing } from '../i18n/routing';

/** A text field of a submitted form, or undefined (files and missing fields alike). */
export function formText(fd: FormData, name: string): string | undefined {
  const v = fd.get(name);
  return typeof v === 'string' ? v : undefined;
}

/** The locale a form was submitted from (its hidden `locale` field), defaulting to the site's. */
export function formLocale(fd: FormData): string {
  const l = formText(fd, 'locale');
  return l && (routing.locales as readonly string[]).includes(l) ? l : routing.defaultLocale;
}
