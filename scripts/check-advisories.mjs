// The dependency check: fails when an installed next, react, next-auth or drizzle-orm lies in a range of
// a published advisory listed in security/advisories.json. Prints every advisory with its verdict.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import semver from 'semver';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const CHECKED = ['next', 'react', 'next-auth', 'drizzle-orm'];

/** Semantic-version order (negative, zero or positive); throws on a string that is not a version. */
export function compareVersions(a, b) {
  return semver.compare(a, b);
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
