import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/current';
import { receiveAttachment } from '@/lib/attachments/upload';
import { uploadResponse } from '@/lib/attachments/upload-response';
import { uploadDir } from '@/lib/env';
import { asHttpRefusal, routeHandler } from '@/lib/http/route-handler';

export const dynamic = 'force-dynamic';

/** Upload one attachment (multipart: deliverableId, then file); a plain form goes back to the contract page. */
export const POST = routeHandler(async function POST(request: Request) {
  const outcome = asHttpRefusal(await receiveAttachment(getDb(), await getActor(), request, { uploadDir: uploadDir() }));
  const back = { recordId: outcome.ok ? outcome.contractId : outcome.backTo, page: (id: number) => `/desk/contracts/${id}`, anchor: 'report' };
  return uploadResponse(request, outcome, back, outcome.ok ? { deliverableId: outcome.deliverableId } : {});
});
