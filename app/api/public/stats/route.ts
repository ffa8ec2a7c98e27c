import { getCachedPublicStats } from '@/lib/public/cached';
import { json } from '@/lib/public/api';

export const dynamic = 'force-dynamic';

export async function GET() {
  return json(await getCachedPublicStats());
}
