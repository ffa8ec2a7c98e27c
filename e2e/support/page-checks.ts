import type { Page } from '@playwright/test';

/**
 * Layout and wording checks run inside a loaded page (e2e/sweep.spec.ts). Each returns what it found, as
 * short readable lines naming the element and its text; an empty list means the page passed.
 */

export type PageFindings = { sidewaysScroll: string[]; narrowText: string[]; identifiers: string[] };

/**
 * Identifiers that may stand in visible text: e-mail addresses, web addresses and paths, file names, domain
 * names. Record codes (LG-ENV-001), contract references and credit codes are upper case and never match the
 * identifier patterns below in the first place.
 */
export const allowedPatterns: readonly RegExp[] = [
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, // e-mail addresses
  /\bhttps?:\/\/\S+/g, // web addresses
  /(?:^|\s)\/[\w\-./{}:?=&]*/g, // paths (/api/public/matters?limit=…)
  /\b[\w.-]+\.(?:pdf|csv|json|ndjson|jsonl|xlsx|xls|docx|doc|zip|png|jpe?g|txt|xml|pem|sig)\b/gi, // file names
  /\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:cn|com|org|net|gov|example|localhost)\b/gi, // domain names
  /\b(?:e\.g|i\.e)\./g, // abbreviations
];

/** snake_case (`in_service`, `enterprises_inspected`) or dotted (`contract.approved`, `staff.nav.desk`). */
export const identifierPattern = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b|\b[a-z][a-zA-Z0-9]*(?:\.[a-z][a-zA-Z0-9_]*)+\b/g;

/** The identifiers in a text, after the allowed kinds of text are taken out. */
export function identifiersIn(text: string): string[] {
  let rest = text;
  for (const p of allowedPatterns) rest = rest.replace(p, ' ');
  return [...rest.matchAll(identifierPattern)].map((m) => m[0]);
}

/**
 * Runs in the browser: every visible text (text nodes, the title, visible attributes). Text inside code
 * elements is left out: an identifier set as code (the API page's field names, a key the user must type)
 * is shown as an identifier on purpose.
 */
function collectTexts(): { text: string; where: string }[] {
  const describe = (el: Element): string => {
    const id = el.id ? `#${el.id}` : '';
    const testId = el.getAttribute('data-testid');
    return `<${el.tagName.toLowerCase()}${id}${testId ? ` data-testid=${testId}` : ''}>`;
  };
  const out: { text: string; where: string }[] = [{ text: document.title, where: '<title>' }];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    const text = n.textContent?.trim();
    if (!parent || !text) continue;
    // Code samples on the API page show identifiers on purpose.
    if (parent.closest('script, style, noscript, template, code, pre, kbd, samp')) continue;
    if (parent.tagName === 'OPTION') {
      const select = parent.closest('select');
      if (select && select.checkVisibility()) out.push({ text, where: describe(select) });
      continue;
    }
    if (!parent.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions)) continue;
    out.push({ text, where: describe(parent) });
  }
  for (const el of document.body.querySelectorAll('[placeholder], [aria-label], [title], img[alt]')) {
    if (!el.checkVisibility()) continue;
    for (const attr of ['placeholder', 'aria-label', 'title', 'alt']) {
      const v = el.getAttribute(attr);
      if (v) out.push({ text: v, where: `${describe(el)}[${attr}]` });
    }
  }
  return out;
}

/** Runs in the browser: text that wraps in a box narrower than three of its characters. */
function collectNarrowText(): string[] {
  const found: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    const text = n.textContent?.trim() ?? '';
    if (!parent || [...text].length <= 3) continue;
    if (parent.closest('script, style, noscript, template, svg, option, .sr-only')) continue;
    if (!parent.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions)) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    const lines = new Set(rects.map((r) => Math.round(r.top))).size;
    if (lines < 2) continue;
    const width = Math.max(...rects.map((r) => r.right)) - Math.min(...rects.map((r) => r.left));
    const fontSize = parseFloat(getComputedStyle(parent).fontSize);
    if (width < 3 * fontSize * 0.95) {
      found.push(`<${parent.tagName.toLowerCase()}> "${text.slice(0, 40)}": ${lines} lines in ${Math.round(width)} px (font ${fontSize} px)`);
    }
  }
  return found;
}

/** Runs in the browser: the page scrolls sideways, and the widest elements that stick out. */
function collectSidewaysScroll(): string[] {
  const root = document.scrollingElement ?? document.documentElement;
  if (root.scrollWidth <= root.clientWidth) return [];
  const limit = root.clientWidth;
  const culprits: string[] = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.right <= limit + 0.5 || r.width === 0) continue;
    // Only the outermost element that sticks out, not every child inside it.
    const parent = el.parentElement;
    if (parent && parent.getBoundingClientRect().right > limit + 0.5 && parent !== document.body) continue;
    // Inside a box that scrolls or clips on its own, it does not widen the page.
    let clipped = false;
    for (let a = parent; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') clipped = true;
    if (clipped) continue;
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    culprits.push(`<${el.tagName.toLowerCase()} class="${(el.getAttribute('class') ?? '').slice(0, 60)}"> right edge ${Math.round(r.right)} px: "${text}"`);
    if (culprits.length >= 5) break;
  }
  return [`page is ${root.scrollWidth} px wide in a ${root.clientWidth} px viewport`, ...culprits];
}

/** Both checks on the page as loaded. */
export async function checkPage(page: Page): Promise<PageFindings> {
  const [sidewaysScroll, narrowText, texts] = await Promise.all([
    page.evaluate(collectSidewaysScroll),
    page.evaluate(collectNarrowText),
    page.evaluate(collectTexts),
  ]);
  const identifiers = texts.flatMap(({ text, where }) => identifiersIn(text).map((id) => `${where} "${id}" in "${text.slice(0, 60)}"`));
  return { sidewaysScroll, narrowText, identifiers: [...new Set(identifiers)] };
}
