import { routeHandler } from '@/lib/http/route-handler';
import { metadataFor, ocdsStream, readSince, sqlite } from '@/lib/ocds/http';
import { ocdsPaths, recordPackageChunks } from '@/lib/ocds/packages';

export const dynamic = 'force-dynamic';

/** GET /api/public/ocds/record-package.json[?since=…]: per contract its releases and compiled release (contracts changed after `since`). */
export const GET = routeHandler(function GET(request: Request) {
  const since = readSince(new URL(request.url));
  if (since instanceof Response) return since;
  return ocdsStream(recordPackageChunks(sqlite(), metadataFor(ocdsPaths.recordPackage, since), { since }));
});
