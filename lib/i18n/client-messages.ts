import type { AbstractIntlMessages } from 'next-intl';

// The messages a page sends to the browser: only the namespaces its client components read. Passing all
// of them (about 50 KB per locale) put the whole catalogue into every rendered page's payload.

/** Client components on every page: the language switch and the error boundary. */
export const publicClientNamespaces = ['nav', 'errors'] as const;

/** Client components of the sign-in, password and staff screens (their forms). */
export const staffClientNamespaces = [
  ...publicClientNamespaces,
  'auth',
  'category',
  'contract',
  'contractActions',
  'contractorForm',
  'contractorKindOne',
  'deliverables',
  'departments',
  'draft',
  'evaluationForm',
  'importPage',
  'matterForm',
  'milestone',
  'notices',
  'people',
  'reportInbox',
  'staff',
  'validation',
] as const;

export function pickMessages(messages: AbstractIntlMessages, namespaces: readonly string[]): AbstractIntlMessages {
  return Object.fromEntries(namespaces.filter((n) => n in messages).map((n) => [n, messages[n]!]));
}
