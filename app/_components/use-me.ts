'use client';

import { useEffect, useState } from 'react';
import type { Me } from '@/lib/auth/me';
import { usePathname } from '@/lib/i18n/navigation';

// One question to /api/me per page shown (the header and the 404 page's navigation share it), asked again
// after each navigation: signing in or out is a navigation, and the header stays mounted across it.
let asked: { path: string; answer: Promise<Me | null> } | null = null;

function ask(path: string): Promise<Me | null> {
  if (asked?.path !== path) {
    asked = {
      path,
      answer: fetch('/api/me', { cache: 'no-store', credentials: 'same-origin' })
        .then((res) => (res.ok ? (res.json() as Promise<Me>) : null))
        .catch(() => null),
    };
  }
  return asked.answer;
}

/** Who is signed in, as /api/me answers: null until known (and when it cannot be asked). */
export function useMe(): Me | null {
  const pathname = usePathname();
  const [me, setMe] = useState<Me | null>(null);
  useEffect(() => {
    let live = true;
    void ask(pathname).then((answer) => {
      if (live) setMe(answer);
    });
    return () => {
      live = false;
    };
  }, [pathname]);
  return me;
}
