import type { AbstractIntlMessages } from 'next-intl';

// The messages a page sends to the browser: only the namespaces its client components read. Passing all
// of them (about 50 KB per locale) put the whole catalogue into every rendered page's payload.

/** Client components on every page: the language switch, the header's signed-in island, the 404 page's staff navigation and the error boundary. */
export const publicClientNamespaces = ['nav', 'header', 'staff', 'errors'] as const;

/** Client components of the sign-in, password and staff screens (their forms). */
export const staffClientNamespaces = [
  ...publicClientNamespaces,
  'auth',
  'category',
  'confirmStep',
  'contract',
  'contractActions',
  'contractForm',
  'contractPage',
  'contractorForm',
  'contractorKindOne',
  'deliverables',
  'departments',
  'procurement',
  'draft',
  'evaluationForm',
  'importPage',
  'matterForm',
  'milestone',
  'notices',
  'people',
  'reportInbox',
  // Indicator forms and the target and result fields (client components).
  'results',
  'validation',
] as const;

export function pickMessages(messages: AbstractIntlMessages, namespaces: readonly string[]): AbstractIntlMessages {
  return Object.fromEntries(namespaces.filter((n) => n in messages).map((n) => [n, messages[n]!]));
}
