// The dependency check: fails when an installed next, react, next-auth or drizzle-orm lies in a range of
// a published advisory listed in security/advisories.json. Prints every advisory with its verdict.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const CHECKED = ['next', 'react', 'next-auth', 'drizzle-orm'];

/** Splits 16.0.0-beta.3 into numbers and a prerelease tag; a prerelease sorts before its release. */
function parse(version) {
  const m = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+.*)?$/.exec(version);
  if (!m) throw new Error(`not a version: ${version}`);
  return { nums: [Number(m[1]), Number(m[2]), Number(m[3])], pre: m[4] ?? null };
}

function comparePre(a, b) {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    if (pa[i] === undefined) return -1;
    if (pb[i] === undefined) return 1;
    const na = /^\d+$/.test(pa[i]) ? Number(pa[i]) : NaN;
    const nb = /^\d+$/.test(pb[i]) ? Number(pb[i]) : NaN;
    if (!Number.isNaN(na) && !Number.isNaN(nb)) {
      if (na !== nb) return na < nb ? -1 : 1;
    } else if (pa[i] !== pb[i]) return pa[i] < pb[i] ? -1 : 1;
  }
  return 0;
}

/** Semantic-version order: negative, zero or positive. */
export function compareVersions(a, b) {
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) if (x.nums[i] !== y.nums[i]) return x.nums[i] < y.nums[i] ? -1 : 1;
  if (x.pre === y.pre) return 0;
  if (x.pre === null) return 1;
  if (y.pre === null) return -1;
  return comparePre(x.pre, y.pre);
}

/** The advisories whose affected ranges contain the installed versions. */
export function findVulnerable(advisories, installed) {
  return advisories.filter((a) => {
    const version = installed[a.package];
    if (!version) return false;
    return a.affected.some((r) => compareVersions(version, r.introduced) >= 0 && compareVersions(version, r.fixed) < 0);
  });
}

export function installedVersions(dir = root) {
  return Object.fromEntries(CHECKED.map((name) => [name, JSON.parse(readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')).version]));
}

export function loadAdvisories(dir = root) {
  return JSON.parse(readFileSync(path.join(dir, 'security', 'advisories.json'), 'utf8')).advisories;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const advisories = loadAdvisories();
  const installed = installedVersions();
  const vulnerable = new Set(findVulnerable(advisories, installed));
  for (const name of CHECKED) {
    console.log(`${name} ${installed[name]}`);
    for (const a of advisories.filter((x) => x.package === name)) {
      const fixed = a.affected.map((r) => r.fixed).join(', ');
      console.log(`  ${vulnerable.has(a) ? 'VULNERABLE' : 'ok        '} ${a.id}${a.aliases.length ? ` (${a.aliases.join(', ')})` : ''} fixed in ${fixed}: ${a.summary}`);
    }
  }
  console.log(`advisories: ${advisories.length} checked, ${vulnerable.size} affecting installed versions`);
  process.exit(vulnerable.size > 0 ? 1 : 0);
}
