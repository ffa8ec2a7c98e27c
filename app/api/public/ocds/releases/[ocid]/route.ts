import { routeHandler } from '@/lib/http/route-handler';
import { notFoundJson } from '@/lib/public/api';
import { metadataFor, ocdsStream, sqlite } from '@/lib/ocds/http';
import { hasOcid, ocdsPaths, releasePackageChunks } from '@/lib/ocds/packages';

export const dynamic = 'force-dynamic';

/** GET /api/public/ocds/releases/{ocid}: one contracting process's releases, oldest first, as a release package. */
export const GET = routeHandler(async function GET(_request: Request, { params }: { params: Promise<{ ocid: string }> }) {
  const { ocid } = await params;
  if (ocid.length > 100 || !hasOcid(sqlite(), ocid)) return notFoundJson();
  return ocdsStream(releasePackageChunks(sqlite(), metadataFor(`${ocdsPaths.releases}${encodeURIComponent(ocid)}`), { ocid }));
});
