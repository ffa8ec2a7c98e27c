import { getDb } from '@/db/client';
import { getEnv } from '@/lib/env';
import { streamChunks } from '@/lib/public/download';
import { releasePackageChunks } from '@/lib/public/ocds';
import { routeHandler } from '@/lib/http/route-handler';

/** GET /api/public/ocds/release-package.json: OCDS 1.1.5, one release per published contract. */
export const GET = routeHandler(function GET(request: Request) {
  const env = getEnv();
  const chunks = releasePackageChunks(getDb(), { prefix: env.OCDS_PREFIX, publisher: env.REGISTRY_NAME, uri: request.url, publishedDate: new Date().toISOString() });
  return new Response(streamChunks(chunks), {
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' },
  });
});
