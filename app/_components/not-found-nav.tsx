'use client';

import { roleNav } from '@/lib/auth/homes';
import { StaffNav } from './staff-nav';
import { useMe } from './use-me';

/**
 * The 404 page's staff navigation: the not-found page is rendered outside the staff layout (and may be
 * cached for public paths), so it asks /api/me, and shows the signed-in person's navigation. Visitors keep
 * the public navigation of the header.
 */
export function NotFoundNav() {
  const me = useMe();
  if (!me?.signedIn) return null;
  return <StaffNav items={roleNav[me.role]} />;
}
