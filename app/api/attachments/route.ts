import { getDb } from '@/db/client';
import { getSessionUser } from '@/lib/auth/current';
import { actorFromSession } from '@/lib/auth/sign-in';
import { receiveAttachment } from '@/lib/attachments/upload';
import { uploadDir } from '@/lib/env';
import { routing } from '@/lib/i18n/routing';
import { routeHandler } from '@/lib/http/route-handler';

export const dynamic = 'force-dynamic';

/**
 * Upload one attachment (multipart: deliverableId, file). A plain HTML form (no JavaScript) sends
 * `redirect=1` and `locale`; it is sent back to the contract page with the outcome in the query string.
 * Other clients get JSON.
 */
export const POST = routeHandler(async function POST(request: Request) {
  const user = await getSessionUser();
  const actor = user ? actorFromSession(user) : null;
  const url = new URL(request.url);
  const wantsRedirect = url.searchParams.get('redirect') === '1';
  const locale = routing.locales.find((l) => l === url.searchParams.get('locale')) ?? routing.defaultLocale;
  const outcome = await receiveAttachment(getDb(), actor, request, { uploadDir: uploadDir() });
  const contractId = outcome.ok ? outcome.contractId : outcome.backTo;
  if (wantsRedirect && contractId !== undefined) {
    const query = outcome.ok ? 'upload=ok' : `upload=${outcome.error}`;
    return new Response(null, { status: 303, headers: { Location: `/${locale}/desk/contracts/${contractId}?${query}#deliverables-heading` } });
  }
  if (outcome.ok) return Response.json({ id: outcome.attachmentId, deliverableId: outcome.deliverableId }, { status: 201 });
  return Response.json({ error: outcome.error }, { status: outcome.status });
});
