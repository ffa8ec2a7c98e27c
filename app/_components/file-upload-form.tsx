import { Button } from '@/app/_components/button';

/** File types every upload route accepts (the server checks the content, this only narrows the picker). */
const ACCEPT = '.pdf,.docx,.xlsx,.jpg,.jpeg,.png,.csv,.txt';

/**
 * A plain multipart form to an upload route handler (works without JavaScript); the route redirects back
 * with the outcome in the query string. Labels come translated from the caller.
 */
export function FileUploadForm({ action, fields = {}, label, button, hint, testId }: { action: string; fields?: Record<string, string | number>; label: string; button: string; hint: string; testId: string }) {
  return (
    <form method="post" action={action} encType="multipart/form-data" className="flex flex-wrap items-end gap-2" data-testid={testId}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label className="space-y-1 text-sm">
        <span className="block font-medium text-slate-800">{label}</span>
        <input type="file" name="file" required accept={ACCEPT} className="block text-sm" />
      </label>
      <Button type="submit" variant="outline">
        {button}
      </Button>
      <p className="w-full text-xs text-slate-600">{hint}</p>
    </form>
  );
}
