// The app's server actions and route handlers, found on disk, for the tests that must call every one of them
// (app/authorization-matrix.test.ts, app/actions.fuzz.test.ts, app/api/routes.fuzz.test.ts): a new action or
// route without an entry in their tables fails them.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const appDir = path.join(process.cwd(), 'app');
export const apiDir = path.join(appDir, 'api');

/** Every file called `fileName` below `dir`. */
export function findFilesNamed(dir: string, fileName: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return findFilesNamed(full, fileName);
    return name === fileName ? [full] : [];
  });
}

export type ServerAction = (...args: unknown[]) => Promise<unknown>;

/**
 * Every exported function of every `actions.ts` under app/, keyed by its folder below app/[locale] (without
 * `(staff)/`) and its name: `admin/users#createUserAction`, `(auth)#signInAction`. Imported in the calling
 * test file, so its mocks apply.
 */
export async function loadServerActions(): Promise<Record<string, ServerAction>> {
  const found: Record<string, ServerAction> = {};
  for (const file of findFilesNamed(appDir, 'actions.ts')) {
    const folder = path.relative(path.join(appDir, '[locale]'), path.dirname(file)).replace(/^\(staff\)\//, '');
    const mod = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) if (typeof value === 'function') found[`${folder}#${name}`] = value as ServerAction;
  }
  return found;
}
