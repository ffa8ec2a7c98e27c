import { CSV_BOM, csvRecord, csvRecordOf } from '../csv/write';
import type { DownloadRow } from './download-rows';

const encoder = new TextEncoder();
const ROWS_PER_CHUNK = 400;

export type DownloadFormat = 'csv' | 'json';

/**
 * Text pieces of a download: CSV (UTF-8 with BOM, header row; cells written by lib/csv/write.ts, so neutralized
 * against spreadsheet formulas) or a JSON array, a few hundred rows at a time.
 */
export function* downloadChunks(rows: Iterable<DownloadRow>, columns: readonly string[], format: DownloadFormat): Generator<string> {
  let batch: DownloadRow[] = [];
  let first = true;
  const flush = () => {
    let text: string;
    if (format === 'csv') {
      text = '';
      for (const r of batch) text += csvRecordOf(r, columns);
    } else {
      text = (first ? '' : ',') + batch.map((r) => JSON.stringify(Object.fromEntries(columns.map((c) => [c, r[c] ?? null])))).join(',');
      first = false;
    }
    batch = [];
    return text;
  };
  yield format === 'csv' ? CSV_BOM + csvRecord(columns) : '[';
  for (const row of rows) {
    batch.push(row);
    if (batch.length === ROWS_PER_CHUNK) yield flush();
  }
  if (batch.length > 0) yield flush();
  if (format === 'json') yield ']';
}

/** A byte stream that pulls one piece at a time (backpressure), then runs `done` however it ends. */
export function streamChunks(chunks: Iterator<string>, done: () => void = () => {}): ReadableStream<Uint8Array> {
  let finished = false;
  const finish = () => {
    if (!finished) {
      finished = true;
      done();
    }
  };
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      try {
        const next = chunks.next();
        if (next.done) {
          finish();
          controller.close();
        } else {
          controller.enqueue(encoder.encode(next.value));
        }
      } catch (error) {
        finish();
        controller.error(error);
      }
    },
    cancel() {
      chunks.return?.(undefined);
      finish();
    },
  });
}
