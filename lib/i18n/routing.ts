import { defineRouting } from 'next-intl/routing';

export const routing = defineRouting({
  locales: ['zh-CN', 'en'],
  defaultLocale: 'zh-CN',
  localePrefix: 'always',
  // A Chinese city's registry opens in Chinese whatever the browser prefers; the switch is one click away.
  localeDetection: false,
});

export type Locale = (typeof routing.locales)[number];
