import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import extension from '../ocds/extension/extension.json';
import releaseSchema from '../ocds/extension/release-schema.json';
import { ocdsPaths } from '../ocds/packages';
import { apiEndpoints, apiObjects, ocdsDownloads, ocdsExtensionFields, ocdsExtensionFiles, ocdsMetricsExtensionFiles } from './api-reference';
import { buildPublicFixture } from './public-fixture';
import { findPublicContracts, getPublicContract } from './contract-queries';
import { findPublicContractors, getPublicContractor } from './contractor-queries';
import { findPublicMatters, getPublicMatter } from './matter-queries';
import { getPublicStats } from './stats-queries';

describe('the API page documents every field the API returns', () => {
  const f = buildPublicFixture();
  const contract = getPublicContract(f.db, f.activeA.reference)!;
  const samples: Record<keyof typeof apiObjects, object> = {
    matterListItem: findPublicMatters(f.db, {}).items[0]!,
    matterDetail: getPublicMatter(f.db, f.matterA.code)!,
    contractorListItem: findPublicContractors(f.db, {}).items[0]!,
    contractorDetail: getPublicContractor(f.db, f.contractorX.id)!,
    contractListItem: findPublicContracts(f.db).items[0]!,
    contractDetail: contract,
    milestone: contract.milestones[0]!,
    payment: contract.payments[0]!,
    amendment: contract.amendments[0]!,
    deliverable: contract.acceptedDeliverables[0]!,
    evaluation: contract.evaluations[0]!,
    stats: getPublicStats(f.db),
  };
  for (const [name, sample] of Object.entries(samples)) {
    it(name, () => {
      expect(Object.keys(sample).sort()).toEqual([...apiObjects[name as keyof typeof apiObjects]].sort());
    });
  }
});

describe('the API page documents every public route, and only those', () => {
  const root = path.join(__dirname, '../../app');
  const routeFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? routeFiles(path.join(dir, e.name)) : e.name === 'route.ts' ? [path.relative(root, dir)] : []));
  const routes = routeFiles(path.join(root, 'api/public')).map((r) => `/${r.split(path.sep).join('/')}`);
  // A documented path's {…} segment stands for a [dynamic] segment of the route; a plain segment is either
  // the same static segment or a value of a dynamic one.
  const routeOf = (documented: string) => {
    const segments = documented.split('/');
    const matches = (part: string, segment: string) => (segment.includes('{') ? part.startsWith('[') : part === segment || part.startsWith('['));
    return routes.find((r) => {
      const parts = r.split('/');
      return parts.length === segments.length && parts.every((p, i) => matches(p, segments[i]!));
    });
  };

  it.each(apiEndpoints.map((e) => [e.key, e.path] as const))('%s (%s) has a route handler', (_key, documented) => {
    expect(routeOf(documented)).toBeDefined();
  });
  it('every route under app/api/public is documented', () => {
    const documented = new Set(apiEndpoints.map((e) => routeOf(e.path)));
    expect(routes.filter((r) => !documented.has(r))).toEqual([]);
  });
  it('the OCDS downloads and extension files are the routes the packages name', () => {
    expect(ocdsDownloads.map((d) => d.path)).toEqual([ocdsPaths.releasePackage, ocdsPaths.recordPackage]);
    for (const file of [...ocdsDownloads.map((d) => d.path), ...ocdsExtensionFiles, ...ocdsMetricsExtensionFiles]) expect(routeOf(file), file).toBeDefined();
  });
});

describe('the API page documents the fields the OCDS extension declares', () => {
  it('the same fields as release-schema.json', () => {
    const contract = Object.keys(releaseSchema.definitions.Contract.properties).map((k) => `contracts[].${k}`);
    const organization = Object.keys(releaseSchema.definitions.Organization.properties.details.properties).map((k) => `parties[].details.${k}`);
    expect(ocdsExtensionFields.map((f) => f.path).sort()).toEqual([...contract, ...organization].sort());
  });
  it('the extension points its documentation at the anchor on the API page', () => {
    expect(extension.documentationUrl).toEqual({ en: '/en/api-docs#ocds-extension', zh: '/zh-CN/api-docs#ocds-extension' });
  });
});
