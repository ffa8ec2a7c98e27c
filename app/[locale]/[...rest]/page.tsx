import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { pageTitle } from '@/lib/i18n/page-title';

// Any path under a locale that no page matches: the localized not-found page, inside the layout (so the
// page keeps its language, header and navigation) instead of Next's bare default.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return pageTitle(locale, 'notFound');
}

export default function UnknownPage() {
  notFound();
}
