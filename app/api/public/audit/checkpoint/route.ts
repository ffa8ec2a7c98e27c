import { getDb } from '@/db/client';
import { latestCheckpoint, toPublicCheckpoint } from '@/lib/audit/checkpoints';
import { routeHandler } from '@/lib/http/route-handler';

// Public and read only: the latest signed checkpoint, in the shape `npm run audit:verify -- --checkpoint FILE` reads.
export const dynamic = 'force-dynamic';

export const GET = routeHandler(function GET() {
  const latest = latestCheckpoint(getDb());
  if (!latest) return Response.json({ error: 'no checkpoint has been signed yet' }, { status: 404 });
  return Response.json(toPublicCheckpoint(latest));
});
