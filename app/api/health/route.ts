import { getDb } from '@/db/client';
import { migrationsCurrent } from '@/lib/ops/database-checks';

export const dynamic = 'force-dynamic';

/** For a process supervisor: the database answers, migrations are current, and the audit head. No secrets. */
export async function GET() {
  try {
    const sqlite = getDb().$client;
    const head = sqlite.prepare('select seq, hash from audit_events order by seq desc limit 1').get() as { seq: number; hash: string } | undefined;
    const migrations = migrationsCurrent(sqlite);
    const ok = migrations.applied >= migrations.expected;
    return Response.json(
      { status: ok ? 'ok' : 'degraded', database: 'reachable', migrations, audit: { events: head?.seq ?? 0, head: head?.hash ?? null } },
      { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
    );
  } catch {
    return Response.json({ status: 'down', database: 'unreachable' }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
  }
}
