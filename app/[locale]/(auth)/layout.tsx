import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';
import { pickMessages, staffClientNamespaces } from '@/lib/i18n/client-messages';

/** Sign-in and password screens: their forms read the staff namespaces on the client. */
export default async function AuthLayout({ children }: { children: ReactNode }) {
  return <NextIntlClientProvider messages={pickMessages(await getMessages(), staffClientNamespaces)}>{children}</NextIntlClientProvider>;
}
