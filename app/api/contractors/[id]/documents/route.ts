import { getDb } from '@/db/client';
import { getSessionUser } from '@/lib/auth/current';
import { actorFromSession } from '@/lib/auth/sign-in';
import { receiveContractorDocument } from '@/lib/attachments/upload';
import { uploadDir } from '@/lib/env';
import { routing } from '@/lib/i18n/routing';
import { routeHandler } from '@/lib/http/route-handler';

export const dynamic = 'force-dynamic';

/**
 * Upload one qualification document for a contractor (multipart: file), for people who may edit the
 * register. A plain HTML form sends `redirect=1` and `locale` and is sent back to the contractor's page
 * with the outcome in the query string; other clients get JSON.
 */
export const POST = routeHandler(async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  const actor = user ? actorFromSession(user) : null;
  const { id } = await params;
  const url = new URL(request.url);
  const wantsRedirect = url.searchParams.get('redirect') === '1';
  const locale = routing.locales.find((l) => l === url.searchParams.get('locale')) ?? routing.defaultLocale;
  if (!/^\d{1,12}$/.test(id)) return Response.json({ error: 'not_found' }, { status: 404 });
  const outcome = await receiveContractorDocument(getDb(), actor, Number(id), request, { uploadDir: uploadDir() });
  const contractorId = outcome.ok ? outcome.contractorId : outcome.backTo;
  if (wantsRedirect && contractorId !== undefined) {
    const query = outcome.ok ? 'upload=ok' : `upload=${outcome.error}`;
    return new Response(null, { status: 303, headers: { Location: `/${locale}/desk/contractors/${contractorId}?${query}#documents-heading` } });
  }
  if (outcome.ok) return Response.json({ id: outcome.attachmentId, contractorId: outcome.contractorId }, { status: 201 });
  return Response.json({ error: outcome.error }, { status: outcome.status });
});
