import { routeHandler } from '@/lib/http/route-handler';
import { metadataFor, ocdsStream, readSince, sqlite } from '@/lib/ocds/http';
import { ocdsPaths, releasePackageChunks } from '@/lib/ocds/packages';

export const dynamic = 'force-dynamic';

/** GET /api/public/ocds/release-package.json[?since=…]: every release published (after `since`), oldest first. */
export const GET = routeHandler(function GET(request: Request) {
  const since = readSince(new URL(request.url));
  if (since instanceof Response) return since;
  return ocdsStream(releasePackageChunks(sqlite(), metadataFor(ocdsPaths.releasePackage, since), { since }));
});
