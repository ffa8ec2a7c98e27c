import { getDb } from '@/db/client';
import { latestCheckpoint, toPublicCheckpoint } from '@/lib/audit/checkpoints';

// Public and read only: the latest signed checkpoint, in the shape `npm run audit:verify -- --checkpoint FILE` reads.
export const dynamic = 'force-dynamic';

export function GET() {
  const latest = latestCheckpoint(getDb());
  if (!latest) return Response.json({ error: 'no checkpoint has been signed yet' }, { status: 404 });
  return Response.json(toPublicCheckpoint(latest));
}
