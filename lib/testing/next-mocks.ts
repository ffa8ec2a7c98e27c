// The harness of the tests that call server actions and route handlers directly, as a forged request would:
// the session, the database, the upload folder and Next's request-bound modules, mocked the same way in each.
//
// vi.mock is hoisted above the file's imports, so a factory cannot use them; a test file takes this module
// through vi.hoisted instead and keeps one line per mocked module:
//
//   const { state, ...mocks } = await vi.hoisted(() => import('@/lib/testing/next-mocks'));
//   vi.mock('@/lib/auth/current', () => mocks.authCurrentMock());
//   vi.mock('@/db/client', (original) => mocks.dbClientMock(original));
//
// then sets `state.actor`, `state.db` (and `state.dir` for uploads) in its tests. Every test file has its own
// module registry, so its own state. This module must not import a module it mocks.
import { publicActor, type Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';

/** What the mocks answer: the signed-in actor (null: signed out), the fixture's database, the upload folder. */
export const state = { actor: null as Actor | null, db: null as unknown, dir: '' };

type Original = <T>() => Promise<T>;

/** `@/lib/auth/current`: the session is `state.actor`; cookies are not set. */
export function authCurrentMock() {
  return {
    requireActor: async () => {
      if (!state.actor) throw new AppError('unauthenticated', 'sign-in required');
      return state.actor;
    },
    getActor: async () => state.actor ?? publicActor,
    getSessionUser: async () => (state.actor ? { ...state.actor, sessionId: 'test', email: 'x', mustChangePassword: false } : null),
    setSessionCookie: async () => undefined,
    clearSessionCookie: async () => undefined,
  };
}

/** `@/db/client`: the real module, but `getDb()` is the fixture's database in `state.db`. */
export async function dbClientMock(original: Original) {
  return { ...(await original<object>()), getDb: () => state.db };
}

/** `@/lib/env`: the real module (the environment is read once and cached), but uploads go to `state.dir`. */
export async function envMock(original: Original) {
  return { ...(await original<object>()), uploadDir: () => state.dir };
}

/** `next/cache`: revalidation does nothing outside a request; cached functions run every time. */
export function nextCacheMock() {
  return { revalidatePath: () => undefined, revalidateTag: () => undefined, updateTag: () => undefined, unstable_cache: (fn: unknown) => fn };
}

/** `next/headers`: an empty request; cookies are neither read nor kept. */
export function nextHeadersMock() {
  return { headers: async () => new Headers(), cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }) };
}
