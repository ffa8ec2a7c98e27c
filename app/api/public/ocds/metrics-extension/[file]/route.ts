import { routeHandler } from '@/lib/http/route-handler';
import { json, notFoundJson } from '@/lib/public/api';
import { metricsExtensionFile } from '@/lib/ocds/extension';

export const dynamic = 'force-dynamic';

/** GET /api/public/ocds/metrics-extension/extension.json and …/release-schema.json: the OCDS Metrics extension every package lists. */
export const GET = routeHandler(async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const body = metricsExtensionFile(file);
  return body ? json(body) : notFoundJson();
});
