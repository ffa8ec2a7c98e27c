import { notFound } from 'next/navigation';

// Any path under a locale that no page matches: the localized not-found page, inside the layout (so the
// page keeps its language, header and navigation) instead of Next's bare default.
export const dynamic = 'force-dynamic';

export default function UnknownPage() {
  notFound();
}
