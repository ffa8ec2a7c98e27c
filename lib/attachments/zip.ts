/**
 * Limits for ZIP containers (DOCX, XLSX), read from the central directory without inflating anything: a
 * 20 MB upload may otherwise open as gigabytes in whatever reads it next (an office suite, a converter,
 * an indexer). The ratio applies from 1 MB of content on: small parts of a real document compress well too.
 */
export const ooxmlLimits = { maxEntries: 10_000, maxUncompressedBytes: 100 * 1024 * 1024, maxRatio: 100, ratioFromBytes: 1024 * 1024 } as const;

export type ZipProblem = 'malformed' | 'too_many_entries' | 'too_large' | 'ratio';

const END = 0x06054b50;
const END64 = 0x06064b50;
const END64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const MAX32 = 0xffffffff;

/** What is wrong with a ZIP archive's central directory for an attachment, or null when nothing is. */
export function zipArchiveProblem(bytes: Uint8Array, limits: typeof ooxmlLimits = ooxmlLimits): ZipProblem | null {
  try {
    return readCentralDirectory(bytes, limits);
  } catch (e) {
    if (e instanceof RangeError) return 'malformed'; // a field that points past the end
    throw e;
  }
}

function readCentralDirectory(bytes: Uint8Array, limits: typeof ooxmlLimits): ZipProblem | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => Number(view.getBigUint64(at, true));

  // The end of central directory record: 22 bytes plus a comment of up to 65,535, at the very end.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === END && at + 22 + u16(at + 20) <= bytes.length) {
      end = at;
      break;
    }
  }
  if (end < 0) return 'malformed';
  let count = u16(end + 10);
  let size = u32(end + 12);
  let offset = u32(end + 16);
  if (count === 0xffff || size === MAX32 || offset === MAX32) {
    // ZIP64: the locator just before the record points at the ZIP64 end record.
    if (end < 20 || u32(end - 20) !== END64_LOCATOR) return 'malformed';
    const end64 = u64(end - 20 + 8);
    if (end64 + 56 > bytes.length || u32(end64) !== END64) return 'malformed';
    count = u64(end64 + 32);
    size = u64(end64 + 40);
    offset = u64(end64 + 48);
  }
  if (count > limits.maxEntries) return 'too_many_entries';
  if (offset + size > bytes.length) return 'malformed';

  let total = 0;
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(at) !== CENTRAL) return 'malformed';
    let compressed = u32(at + 20);
    let uncompressed = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > bytes.length) return 'malformed';
    if (uncompressed === MAX32 || compressed === MAX32) {
      // The ZIP64 extra field (0x0001) holds the sizes that did not fit: uncompressed first, then compressed.
      let found = false;
      const extraEnd = at + 46 + nameLength + extraLength;
      for (let x = at + 46 + nameLength; x + 4 <= extraEnd; ) {
        const id = u16(x);
        const fieldEnd = Math.min(x + 4 + u16(x + 2), extraEnd);
        if (id === 0x0001) {
          let field = x + 4;
          if (uncompressed === MAX32 && field + 8 <= fieldEnd) {
            uncompressed = u64(field);
            field += 8;
          }
          if (compressed === MAX32 && field + 8 <= fieldEnd) compressed = u64(field);
          found = true;
          break;
        }
        x = fieldEnd;
      }
      if (!found || uncompressed === MAX32 || compressed === MAX32) return 'malformed';
    }
    total += uncompressed;
    if (total > limits.maxUncompressedBytes) return 'too_large';
    if (uncompressed >= limits.ratioFromBytes && uncompressed > limits.maxRatio * Math.max(compressed, 1)) return 'ratio';
    at = next;
  }
  return null;
}
