import 'server-only';
import type { Db } from '../../db/client';
import type { PublicStats } from './dto';
import { readPublicStats } from './stats-counts';

// The overview's figures, read from the counts kept on write (./stats-counts.ts). The tests check those
// counts against a count from the tables (./stats-reference.ts, used by tests only).

/** Headline figures and chart series, from the counts kept on write (lib/public/stats-counts.ts). */
export const getPublicStats = (db: Db): PublicStats => readPublicStats(db);
