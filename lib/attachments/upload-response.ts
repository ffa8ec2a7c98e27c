import { routing } from '../i18n/routing';
import type { UploadRefusal } from './upload';

type Outcome = { ok: true; attachmentId: number } | { ok: false; status: number; error: UploadRefusal; backTo?: number };

/**
 * The answer to an upload. A plain HTML form (no JavaScript) sends `?redirect=1&locale=…` and goes back to
 * the record's page with `?upload=<outcome>` at the given anchor; other clients get JSON: 201 with the new
 * attachment's id and `created` fields, or the refusal's status and reason.
 */
export function uploadResponse(request: Request, outcome: Outcome, back: { recordId: number | undefined; page: (id: number) => string; anchor: string }, created: Record<string, number> = {}): Response {
  const url = new URL(request.url);
  const locale = routing.locales.find((l) => l === url.searchParams.get('locale')) ?? routing.defaultLocale;
  if (url.searchParams.get('redirect') === '1' && back.recordId !== undefined) {
    const query = outcome.ok ? 'upload=ok' : `upload=${outcome.error}`;
    return new Response(null, { status: 303, headers: { Location: `/${locale}${back.page(back.recordId)}?${query}#${back.anchor}` } });
  }
  if (outcome.ok) return Response.json({ id: outcome.attachmentId, ...created }, { status: 201 });
  return Response.json({ error: outcome.error }, { status: outcome.status });
}
