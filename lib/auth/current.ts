import 'server-only';
import { decode, encode } from 'next-auth/jwt';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '../../db/client';
import { getEnv } from '../env';
import { AppError } from '../errors';
import type { RequestMeta } from '../audit/events';
import { buildActor, publicActorFor, type Actor } from './actor';
import { secureCookies, sessionCookieName } from './config';
import { requestMetaOf } from './request';
import { resolveSession, sessionPolicy, type SessionUser } from './sessions';

/** The signed-in user of this request, or null. Resolved once per request. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const raw = (await cookies()).get(sessionCookieName())?.value;
  if (!raw) return null;
  const token = await decode({ token: raw, secret: getEnv().AUTH_SECRET }).catch(() => null);
  const sid = token?.sid;
  if (typeof sid !== 'string') return null;
  const resolved = resolveSession(getDb(), sid, new Date());
  return 'ended' in resolved ? null : resolved;
});

/**
 * Where this request came from (client address as lib/auth/request.ts trusts it, user agent), for the audit
 * trail. Resolved once per request. Server actions and route handlers get their actor below, so every event a
 * request writes carries it without the use case doing anything.
 */
export const getRequestMeta = cache(async (): Promise<RequestMeta> => requestMetaOf(await headers()));

/** The actor for a use case or a route handler: the signed-in user, or the public; either acting through this request. */
export async function getActor(): Promise<Actor> {
  const user = await getSessionUser();
  const request = await getRequestMeta();
  return user ? buildActor(user, request) : publicActorFor(request);
}

/** For server actions: the signed-in actor (acting through this request), or an `unauthenticated` error. */
export async function requireActor(): Promise<Actor> {
  const user = await getSessionUser();
  if (!user) throw new AppError('unauthenticated', 'sign-in required');
  return buildActor(user, await getRequestMeta());
}

/** For staff and contractor pages: the signed-in user, or a redirect to the sign-in page. */
export async function requirePageUser(locale: string, options: { allowPasswordChange?: boolean } = {}): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/${locale}/sign-in`);
  if (user.mustChangePassword && !options.allowPasswordChange) redirect(`/${locale}/change-password`);
  return user;
}

export async function setSessionCookie(sessionId: string, userId: number): Promise<void> {
  const maxAge = Math.floor(sessionPolicy.absoluteMs / 1000);
  const value = await encode({ token: { sub: String(userId), sid: sessionId }, secret: getEnv().AUTH_SECRET, maxAge });
  (await cookies()).set(sessionCookieName(), value, { httpOnly: true, sameSite: 'lax', path: '/', secure: secureCookies(), maxAge });
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete(sessionCookieName());
}
