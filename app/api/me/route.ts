import { getSessionUser } from '@/lib/auth/current';
import { meOf } from '@/lib/auth/me';
import { routeHandler } from '@/lib/http/route-handler';

export const dynamic = 'force-dynamic';

/**
 * Who is signed in, for the header on pages served from the page cache (whose HTML holds no session data):
 * name, role and home path only (lib/auth/me.ts), never stored by any cache. Signed out is an answer too
 * (200 `{ signedIn: false }`): the island then keeps its sign-in link.
 */
export const GET = routeHandler(async function GET() {
  return Response.json(meOf(await getSessionUser()), { headers: { 'Cache-Control': 'no-store, private', Vary: 'Cookie' } });
});
