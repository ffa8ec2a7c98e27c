import type Database from 'better-sqlite3';
import { notFoundJson } from '@/lib/public/api';
import { downloadChunks, streamChunks, type DownloadFormat } from '@/lib/public/download';
import {
  contractDownloadColumns,
  contractorDownloadColumns,
  iterateContractorRows,
  iterateContractRows,
  iterateMatterRows,
  matterDownloadColumns,
  type DownloadRow,
} from '@/lib/public/download-rows';
import { openReadConnection } from '@/lib/public/read-connection';
import { routeHandler } from '@/lib/http/route-handler';

const datasets: Record<string, { columns: readonly string[]; rows: (sqlite: Database.Database) => IterableIterator<DownloadRow> }> = {
  matters: { columns: matterDownloadColumns, rows: iterateMatterRows },
  contractors: { columns: contractorDownloadColumns, rows: iterateContractorRows },
  contracts: { columns: contractDownloadColumns, rows: iterateContractRows },
};

const contentTypes: Record<DownloadFormat, string> = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' };

/** GET /api/public/downloads/{matters,contractors,contracts}.{csv,json}, streamed row by row. */
export const GET = routeHandler(async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const match = /^(matters|contractors|contracts)\.(csv|json)$/.exec(file);
  const dataset = match ? datasets[match[1]!] : undefined;
  if (!match || !dataset) return notFoundJson();
  const format = match[2] as DownloadFormat;
  const sqlite = openReadConnection();
  const stream = streamChunks(downloadChunks(dataset.rows(sqlite), dataset.columns, format), () => sqlite.close());
  return new Response(stream, {
    headers: {
      'Content-Type': contentTypes[format],
      'Content-Disposition': `attachment; filename="longgang-${file}"`,
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': 'no-store',
    },
  });
});
