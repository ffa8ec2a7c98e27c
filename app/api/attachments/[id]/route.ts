import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/current';
import { openAttachment } from '@/lib/attachments/download';
import { uploadDir } from '@/lib/env';
import { routeHandler } from '@/lib/http/route-handler';

export const dynamic = 'force-dynamic';

/** Download one attachment: only for people in the deliverable's scope; everyone else gets 404. */
export const GET = routeHandler(async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  const { id } = await params;
  return openAttachment(getDb(), actor, id, uploadDir());
});
