import 'server-only';
import type { NextAuthOptions, User } from 'next-auth';
import { headers } from 'next/headers';
import { getDb } from '../../db/client';
import { getEnv } from '../env';
import { sessionPolicy } from './sessions';
import { signInWithVerifiedEmail } from './sign-in';
import { clientAddress } from './request';

export const sessionCookieName = (): string => `${secureCookies() ? '__Secure-' : ''}next-auth.session-token`;
export const secureCookies = (): boolean => getEnv().NEXTAUTH_URL?.startsWith('https://') ?? false;
export const isSsoEnabled = (): boolean => getEnv().OIDC_ISSUER !== undefined;

type SessionUserRef = User & { sessionId?: string };

/**
 * next-auth 4.24 (JWT sessions). The JWT carries only the id of a server-side session row, which every
 * request resolves (lib/auth/current.ts); that is what lets a session end for real.
 */
export function authOptions(): NextAuthOptions {
  const env = getEnv();
  return {
    secret: env.AUTH_SECRET,
    useSecureCookies: secureCookies(),
    session: { strategy: 'jwt', maxAge: Math.floor(sessionPolicy.absoluteMs / 1000) },
    cookies: {
      sessionToken: {
        name: sessionCookieName(),
        options: { httpOnly: true, sameSite: 'lax', path: '/', secure: secureCookies() },
      },
    },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: env.OIDC_ISSUER
      ? [
          {
            id: 'oidc',
            name: env.OIDC_NAME,
            type: 'oauth',
            wellKnown: `${env.OIDC_ISSUER.replace(/\/$/, '')}/.well-known/openid-configuration`,
            clientId: env.OIDC_CLIENT_ID,
            clientSecret: env.OIDC_CLIENT_SECRET,
            authorization: { params: { scope: 'openid email profile' } },
            idToken: true,
            checks: ['pkce', 'state', 'nonce'],
            profile(profile: { sub: string; email?: string; name?: string }) {
              return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? null };
            },
          },
        ]
      : [],
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== 'oidc') return false;
        const p = (profile ?? {}) as { sub?: string; email?: string; email_verified?: boolean };
        const result = signInWithVerifiedEmail(getDb(), {
          email: p.email ?? '',
          emailVerified: p.email_verified === true,
          subject: p.sub ?? account.providerAccountId,
          address: clientAddress(await headers()),
        });
        if (!result.ok) return `/sign-in?error=${result.error}`;
        (user as SessionUserRef).sessionId = result.sessionId;
        return true;
      },
      async jwt({ token, user }) {
        const sessionId = (user as SessionUserRef | undefined)?.sessionId;
        return sessionId ? { sub: token.sub, sid: sessionId } : token;
      },
      async session({ session, token }) {
        return { expires: session.expires, sid: token.sid } as typeof session;
      },
    },
  };
}
