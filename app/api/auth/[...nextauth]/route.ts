import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { authOptions } from '@/lib/auth/config';

// next-auth's own endpoints: the OpenID Connect redirect and callback, CSRF token, provider list.
// Password sign-in and sign-out are server actions (app/[locale]/(auth)/actions.ts).
type Context = { params: Promise<{ nextauth: string[] }> };

function handler(req: NextRequest, ctx: Context) {
  return NextAuth(req as never, ctx as never, authOptions());
}

export { handler as GET, handler as POST };
