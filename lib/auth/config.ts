import 'server-only';
import type { NextAuthOptions, User } from 'next-auth';
import { headers } from 'next/headers';
import { getDb } from '../../db/client';
import { getEnv } from '../env';
import { resolveSession, sessionPolicy } from './sessions';
import { signInWithVerifiedEmail, signOut } from './sign-in';
import { requestMetaOf } from './request';

export const sessionCookieName = (): string => `${secureCookies() ? '__Secure-' : ''}next-auth.session-token`;
export const secureCookies = (): boolean => getEnv().NEXTAUTH_URL?.startsWith('https://') ?? false;
export const isSsoEnabled = (): boolean => getEnv().OIDC_ISSUER !== undefined;

type SessionUserRef = User & { sessionId?: string };
type OidcClaims = { sub: string; email?: string; email_verified?: boolean; name?: string };

async function fetchUserinfo(issuer: string, accessToken: string): Promise<Partial<OidcClaims>> {
  const discovery = (await (await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`)).json()) as { userinfo_endpoint?: string };
  if (!discovery.userinfo_endpoint) return {};
  const response = await fetch(discovery.userinfo_endpoint, { headers: { Authorization: `Bearer ${accessToken}` } });
  return response.ok ? ((await response.json()) as Partial<OidcClaims>) : {};
}

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
            async profile(claims: OidcClaims, tokens: { access_token?: string }) {
              // Strict providers put email only in the userinfo response, not in the ID token.
              const merged = claims.email === undefined && tokens.access_token ? { ...claims, ...(await fetchUserinfo(env.OIDC_ISSUER!, tokens.access_token)), sub: claims.sub } : claims;
              return { id: merged.sub, email: merged.email ?? null, name: merged.name ?? null, emailVerified: merged.email_verified === true };
            },
          },
        ]
      : [],
    callbacks: {
      async signIn({ user, account }) {
        if (account?.provider !== 'oidc') return false;
        const u = user as SessionUserRef & { emailVerified?: boolean };
        const request = requestMetaOf(await headers());
        const result = signInWithVerifiedEmail(getDb(), {
          email: u.email ?? '',
          emailVerified: u.emailVerified === true,
          subject: account.providerAccountId,
          address: request.address,
          request,
        });
        if (!result.ok) return `/sign-in?error=${result.error}`;
        (user as SessionUserRef).sessionId = result.sessionId;
        return true;
      },
      async jwt({ token, user }) {
        const sessionId = (user as SessionUserRef | undefined)?.sessionId;
        return sessionId ? { sub: token.sub, sid: sessionId } : token;
      },
      // GET /api/auth/session answers page scripts: they need nothing from the token (no page reads it), and
      // the session id in it is the bearer credential itself.
      async session({ session }) {
        return { expires: session.expires };
      },
    },
    events: {
      // next-auth's own POST /api/auth/signout only clears the cookie. End the session row it names as the
      // app's sign-out does (lib/auth/sign-in.ts signOut: ended and audited as auth.signed_out), so a copy of
      // the cookie stops working too.
      async signOut({ token }) {
        const sid = (token as { sid?: unknown } | null)?.sid;
        if (typeof sid !== 'string') return;
        const db = getDb();
        const user = resolveSession(db, sid, new Date());
        if (!('ended' in user)) signOut(db, user, new Date(), requestMetaOf(await headers()));
      },
    },
  };
}
