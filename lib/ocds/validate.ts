import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import extensionSchema from './extension/release-schema.json';
import metricsExtensionSchema from './metrics-extension/release-schema.json';
import recordPackageSchema from './fixtures/1.1.5/record-package-schema.json';
import releasePackageSchema from './fixtures/1.1.5/release-package-schema.json';
import coreReleaseSchema from './fixtures/1.1.5/release-schema.json';
import versionedReleaseSchema from './fixtures/1.1.5/versioned-release-validation-schema.json';

// Checking OCDS the way the community's tools do (for tests and the API page's claims): the 1.1.5 release
// schema patched with the extensions every package lists — the registry's own and the Metrics extension —
// each as a JSON Merge Patch (RFC 7386), then every value whose field names a closed codelist checked
// against that codelist's codes.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** RFC 7386: objects merge recursively, null removes, anything else replaces. */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return structuredClone(patch);
  const out: Record<string, Json> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key] ?? null, value);
  }
  return out;
}

/** The extensions' release schemas, in the order of the packages' `extensions`. */
export const extensionReleaseSchemas = [extensionSchema, metricsExtensionSchema] as unknown as Json[];

export const patchedReleaseSchema = (extensions: readonly Json[] = extensionReleaseSchemas) =>
  extensions.reduce<Json>((schema, patch) => mergePatch(schema, patch), coreReleaseSchema as Json) as Record<string, Json>;

function ajvWith(releaseSchema: object) {
  // The OCDS schema carries annotation keywords of its own (codelist, openCodelist, deprecated…): not strict.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(releaseSchema);
  ajv.addSchema(versionedReleaseSchema);
  return ajv;
}

/** Validators of the two package kinds; `extensions` picks which release schemas patch the core (all, by default). */
export function packageValidators(extensions: readonly Json[] = extensionReleaseSchemas) {
  const ajv = ajvWith(patchedReleaseSchema(extensions));
  return { releasePackage: ajv.compile(releasePackageSchema), recordPackage: ajv.compile(recordPackageSchema) };
}

const codelistDir = path.join(__dirname, 'fixtures', '1.1.5', 'codelists');
const codes = new Map<string, Set<string>>();
function codesOf(file: string): Set<string> {
  let set = codes.get(file);
  if (!set) {
    const rows = parse(readFileSync(path.join(codelistDir, file), 'utf8'), { columns: true }) as { Code: string }[];
    set = new Set(rows.map((r) => r.Code));
    codes.set(file, set);
  }
  return set;
}

type SchemaNode = Record<string, Json>;

/** Every value under a closed codelist that is not one of its codes, as `path: value (codelist)`. */
export function closedCodelistProblems(release: Json, schema: SchemaNode = patchedReleaseSchema()): string[] {
  const definitions = schema.definitions as Record<string, SchemaNode>;
  const resolve = (node: SchemaNode): SchemaNode => (typeof node.$ref === 'string' && node.$ref.startsWith('#/definitions/') ? resolve(definitions[node.$ref.slice(14)]!) : node);
  const problems: string[] = [];
  const walk = (value: Json, rawNode: SchemaNode | undefined, at: string) => {
    if (!rawNode || value === null) return;
    const node = resolve(rawNode);
    if (typeof node.codelist === 'string' && node.openCodelist === false) {
      const allowed = codesOf(node.codelist);
      for (const v of Array.isArray(value) ? value : [value]) if (typeof v === 'string' && !allowed.has(v)) problems.push(`${at}: ${v} (${node.codelist})`);
      return;
    }
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, node.items as SchemaNode | undefined, `${at}[${i}]`));
    else if (isObject(value) && isObject(node.properties)) for (const [k, v] of Object.entries(value)) walk(v, (node.properties as Record<string, SchemaNode>)[k], `${at}.${k}`);
  };
  walk(release, schema, '');
  return problems;
}
