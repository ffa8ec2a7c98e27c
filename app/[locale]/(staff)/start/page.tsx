import { redirect } from 'next/navigation';
import { requirePageUser } from '@/lib/auth/current';
import { roleHome } from '@/lib/auth/homes';

/** Where sign-in leads: each role's own home. */
export default async function StartPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const user = await requirePageUser(locale);
  redirect(`/${locale}${roleHome[user.role]}`);
}
