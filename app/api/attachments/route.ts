import { getDb } from '@/db/client';
import { getSessionUser } from '@/lib/auth/current';
import { actorFromSession } from '@/lib/auth/sign-in';
import { receiveAttachment } from '@/lib/attachments/upload';
import { uploadResponse } from '@/lib/attachments/upload-response';
import { uploadDir } from '@/lib/env';
import { routeHandler } from '@/lib/http/route-handler';

export const dynamic = 'force-dynamic';

/** Upload one attachment (multipart: deliverableId, then file); a plain form goes back to the contract page. */
export const POST = routeHandler(async function POST(request: Request) {
  const user = await getSessionUser();
  const outcome = await receiveAttachment(getDb(), user ? actorFromSession(user) : null, request, { uploadDir: uploadDir() });
  const back = { recordId: outcome.ok ? outcome.contractId : outcome.backTo, page: (id: number) => `/desk/contracts/${id}`, anchor: 'deliverables-heading' };
  return uploadResponse(request, outcome, back, outcome.ok ? { deliverableId: outcome.deliverableId } : {});
});
