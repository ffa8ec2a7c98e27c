// Compiling a contracting process's releases into its current state, by OCDS 1.1's merge routine (as
// ocdsmerge and ocdskit compile it): releases in date order; objects merge field by field; a null removes
// a field; arrays of objects that carry ids merge item by item on their id; any other array is replaced
// whole. The compiled release takes the latest release's date, the tag "compiled", and an id of its own.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasIds = (list: Json[]) => list.length > 0 && list.every((item) => isObject(item) && item.id !== undefined && item.id !== null);

function mergeValue(current: Json | undefined, next: Json): Json {
  if (isObject(next)) return mergeObject(isObject(current) ? current : {}, next);
  if (Array.isArray(next) && hasIds(next)) {
    const merged: Json[] = Array.isArray(current) && hasIds(current) ? current.map((item) => structuredClone(item)) : [];
    for (const item of next as JsonObject[]) {
      const at = merged.findIndex((m) => (m as JsonObject).id === item.id);
      if (at < 0) merged.push(mergeObject({}, item));
      else merged[at] = mergeObject(merged[at] as JsonObject, item);
    }
    return merged;
  }
  return structuredClone(next);
}

function mergeObject(current: JsonObject, next: JsonObject): JsonObject {
  const out: JsonObject = { ...current };
  for (const [key, value] of Object.entries(next)) {
    if (value === null) delete out[key];
    else out[key] = mergeValue(out[key], value);
  }
  // An object left empty by nulls is removed by its parent's merge in ocdsmerge; keep it simple: drop empty ones.
  for (const [key, value] of Object.entries(out)) if (isObject(value) && Object.keys(value).length === 0) delete out[key];
  return out;
}

export type ReleaseLike = { ocid: string; id: string; date: string; tag: string[] } & JsonObject;

/** The compiled release of one ocid's releases (at least one). */
export function compileReleases<R extends ReleaseLike>(releases: readonly R[]): JsonObject {
  if (releases.length === 0) throw new RangeError('nothing to compile');
  const ordered = [...releases].sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
  let compiled: JsonObject = {};
  for (const release of ordered) {
    const fields: JsonObject = { ...release };
    for (const key of ['id', 'date', 'tag']) delete fields[key];
    compiled = mergeObject(compiled, fields);
  }
  const latest = ordered.at(-1)!;
  return { ocid: latest.ocid, id: `${latest.ocid}-compiled-${latest.id.slice(latest.ocid.length + 1)}`, date: latest.date, tag: ['compiled'], ...compiled };
}
