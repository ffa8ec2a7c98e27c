import 'server-only';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { buildActor, type Actor } from '../auth/actor';
import { getSessionUser } from '../auth/current';
import type { SessionUser } from '../auth/sessions';
import { localName } from './local-name';

/** The pages named in messages `pageTitles`. */
export type PageKey =
  | 'overview' | 'checkpoints' | 'matter' | 'contractor' | 'contract' | 'changePassword' | 'desk' | 'deskMatters' | 'deskMatter'
  | 'newMatter' | 'deskContractors' | 'deskContracts' | 'deskContractor' | 'newContractor' | 'deskContract' | 'newContract' | 'approvals' | 'portal'
  | 'evaluations' | 'audit' | 'people' | 'person' | 'newPerson' | 'departments' | 'department' | 'import' | 'notFound' | 'notifications' | 'editContract';

/**
 * A page's browser title in the page's locale: `record · page`, to which the layout's template adds
 * ` · site` (app/[locale]/layout.tsx). `record` is the record's reference or name on a detail page.
 */
export async function pageTitle(locale: string, page: PageKey, record?: string | null): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: 'pageTitles' });
  return { title: [record?.trim(), t(page)].filter(Boolean).join(' · ') };
}

/**
 * A staff page's title, its record found as the page itself finds it: for the signed-in person, through the
 * same scoped query, so a record out of scope names nothing (the page answers not-found anyway).
 */
export async function staffPageTitle(locale: string, page: PageKey, record?: (actor: Actor, user: SessionUser) => string | null | undefined): Promise<Metadata> {
  const user = await getSessionUser();
  const name = user && record ? record(buildActor(user), user) : null;
  return pageTitle(locale, page, name);
}

/** The signed-in person's organization in the page's language (desk and portal titles). */
export const orgTitle = (locale: string) => (_actor: Actor, user: SessionUser) => (user.orgName ? localName(locale, user.orgName, user.orgNameEn).text : null);
