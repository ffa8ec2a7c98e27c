import { z } from 'zod';
import { contractorKinds, matterCategories } from '../domain/enums';
import { searchText } from '../shared/search-text';
import { matterServiceStatuses } from './dto';

/** Search and filters of the public matter list; the same names in page URLs and in the API. */
export type MatterFilter = {
  q?: string;
  department?: string;
  category?: (typeof matterCategories)[number];
  contractorKind?: (typeof contractorKinds)[number];
  status?: (typeof matterServiceStatuses)[number];
};

export type ContractorFilter = { q?: string; kind?: (typeof contractorKinds)[number] };

/** Control characters are stripped (lib/shared/search-text.ts): nothing reaches the full-text index it cannot parse. */
const text = searchText({ min: 1, max: 100 });
const matterFields = {
  q: text,
  department: z.string().regex(/^[A-Z0-9-]{1,32}$/),
  category: z.enum(matterCategories),
  contractorKind: z.enum(contractorKinds),
  status: z.enum(matterServiceStatuses),
};
const contractorFields = { q: text, kind: z.enum(contractorKinds) };

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

const read = (params: Params, name: string): string | undefined => {
  const v = params instanceof URLSearchParams ? params.get(name) : params[name];
  const one = Array.isArray(v) ? v[0] : v;
  return one === null || one === undefined || one.trim() === '' ? undefined : one;
};

/** Each field on its own: an invalid one is dropped and named in `invalid` (the API answers 400 with it). */
function parseFields<T>(params: Params, fields: Record<string, z.ZodType>): { filter: T; invalid: string[] } {
  const filter: Record<string, unknown> = {};
  const invalid: string[] = [];
  for (const [name, schema] of Object.entries(fields)) {
    const raw = read(params, name);
    if (raw === undefined) continue;
    const parsed = schema.safeParse(raw);
    if (parsed.success) filter[name] = parsed.data;
    else invalid.push(name);
  }
  return { filter: filter as T, invalid };
}

export const parseMatterFilter = (params: Params) => parseFields<MatterFilter>(params, matterFields);
export const parseContractorFilter = (params: Params) => parseFields<ContractorFilter>(params, contractorFields);

/** A LIKE pattern that matches the text literally anywhere (with `escape '\'`). */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
