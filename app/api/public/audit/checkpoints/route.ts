import { getDb } from '@/db/client';
import { checkpointPageQuery, publicCheckpointPage } from '@/lib/audit/checkpoints';
import { getSigningKey } from '@/lib/audit/keys';
import { routeHandler } from '@/lib/http/route-handler';

// Public and read only: the signed checkpoints of the audit trail, newest first, with the registry's key.
export const dynamic = 'force-dynamic';

export const GET = routeHandler(function GET(request: Request) {
  const query = checkpointPageQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) {
    return Response.json({ error: 'invalid query', issues: query.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) }, { status: 400 });
  }
  return Response.json(publicCheckpointPage(getDb(), getSigningKey().publicKeyBase64, query.data));
});
