import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/current';
import { receiveContractorDocument } from '@/lib/attachments/upload';
import { uploadResponse } from '@/lib/attachments/upload-response';
import { uploadDir } from '@/lib/env';
import { notFound } from '@/lib/errors';
import { asHttpRefusal, routeHandler } from '@/lib/http/route-handler';

export const dynamic = 'force-dynamic';

/**
 * Upload one qualification document for a contractor (multipart: file), for people who may edit the
 * register; a plain form goes back to the contractor's page. Everyone else gets 404, as if it did not exist.
 */
export const POST = routeHandler(async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,12}$/.test(id)) throw notFound('contractor');
  const outcome = asHttpRefusal(await receiveContractorDocument(getDb(), await getActor(), Number(id), request, { uploadDir: uploadDir() }));
  const back = { recordId: outcome.ok ? outcome.contractorId : outcome.backTo, page: (cid: number) => `/desk/contractors/${cid}`, anchor: 'documents-heading' };
  return uploadResponse(request, outcome, back, outcome.ok ? { contractorId: outcome.contractorId } : {});
});
