import { getDb } from '@/db/client';
import { getSessionUser } from '@/lib/auth/current';
import { actorFromSession } from '@/lib/auth/sign-in';
import { receiveContractorDocument } from '@/lib/attachments/upload';
import { uploadResponse } from '@/lib/attachments/upload-response';
import { uploadDir } from '@/lib/env';
import { routeHandler } from '@/lib/http/route-handler';

export const dynamic = 'force-dynamic';

/**
 * Upload one qualification document for a contractor (multipart: file), for people who may edit the
 * register; a plain form goes back to the contractor's page.
 */
export const POST = routeHandler(async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,12}$/.test(id)) return Response.json({ error: 'not_found' }, { status: 404 });
  const user = await getSessionUser();
  const outcome = await receiveContractorDocument(getDb(), user ? actorFromSession(user) : null, Number(id), request, { uploadDir: uploadDir() });
  const back = { recordId: outcome.ok ? outcome.contractorId : outcome.backTo, page: (cid: number) => `/desk/contractors/${cid}`, anchor: 'documents-heading' };
  return uploadResponse(request, outcome, back, outcome.ok ? { contractorId: outcome.contractorId } : {});
});
