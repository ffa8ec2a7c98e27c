import { displayFileName } from '@/lib/attachments/file-name';

/**
 * An attachment's name as shown: isolated (<bdi>), so right-to-left text in it cannot reorder what is around
 * it, and without bidirectional controls (refused on upload; older names may have them).
 */
export function FileName({ name }: { name: string }) {
  return <bdi>{displayFileName(name)}</bdi>;
}
