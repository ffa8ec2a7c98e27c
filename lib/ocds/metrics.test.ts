import { describe, expect, it } from 'vitest';
import type { Indicator, Observation, Target } from '../results/types';
import { buildFixture } from '../testing/fixture';
import registryExtensionSchema from './extension/release-schema.json';
import fixture from './fixtures/metrics/contract-results.json';
import { contractMetrics } from './metrics';
import { packageMetadata } from './packages';
import { buildReleaseContent } from './release';
import { readContractSnapshot } from './snapshot';
import { closedCodelistProblems, packageValidators } from './validate';

const results = { indicators: fixture.indicators as Indicator[], targets: fixture.targets as Target[], observations: fixture.observations as Observation[], unitNames: fixture.unitNames };
const term = { startDate: '2026-01-01', endDate: '2026-12-31' };
const env = { PUBLIC_URL: 'https://registry.example.gov.cn', PUBLISHER_NAME: '龙港市人民政府', PUBLISHER_CREDIT_CODE: '11330383MB00000008', OCDS_LICENSE: 'https://creativecommons.org/licenses/by/4.0/' };

describe('targets and results as OCDS metrics', () => {
  const m = contractMetrics({ term, ...results });

  it('agreedMetrics: one metric per indicator with a target, one observation per target, the whole term dated by the term', () => {
    expect(m.agreedMetrics!.map((x) => [x.id, x.observations.map((o) => [o.id, o.period.startDate, o.period.endDate, o.measure])])).toEqual([
      [
        'enterprises_inspected',
        [
          ['enterprises_inspected-target-2026-01-01-2026-03-31', '2026-01-01T00:00:00+08:00', '2026-03-31T23:59:59+08:00', 100],
          ['enterprises_inspected-target-2026-04-01-2026-06-30', '2026-04-01T00:00:00+08:00', '2026-06-30T23:59:59+08:00', 100],
          ['enterprises_inspected-target-2026-07-01-2026-09-30', '2026-07-01T00:00:00+08:00', '2026-09-30T23:59:59+08:00', 100],
          ['enterprises_inspected-target-2026-10-01-2026-12-31', '2026-10-01T00:00:00+08:00', '2026-12-31T23:59:59+08:00', 100],
        ],
      ],
      ['answered_24h', [['answered_24h-target', '2026-01-01T00:00:00+08:00', '2026-12-31T23:59:59+08:00', 95]]],
      ['response_hours', [['response_hours-target', '2026-01-01T00:00:00+08:00', '2026-12-31T23:59:59+08:00', 4]]],
    ]);
    const hours = m.agreedMetrics!.find((x) => x.id === 'response_hours')!;
    expect(hours).toMatchObject({ title: '平均响应时长', title_en: 'Average response time', description: '产出时效指标。目标为最高值（数值越低越好）。', description_en: 'Output timeliness indicator. The target is a maximum (lower is better).' });
    expect(hours.observations[0]!.unit).toEqual({ scheme: 'UNCEFACT', id: 'HUR', name: 'hour' });
  });

  it('implementation.metrics: accepted values only, inside the term, one observation per reporting period combined by the aggregation', () => {
    expect(m.implementationMetrics!.map((x) => [x.id, x.observations.map((o) => [o.id, o.measure])])).toEqual([
      // 60 + 48 in Q1; Q2's returned 90 left out; 2025's report is outside the term.
      ['enterprises_inspected', [['enterprises_inspected-2026-01-01-2026-03-31', 108], ['enterprises_inspected-2026-04-01-2026-06-30', 95]]],
      ['answered_24h', [['answered_24h-2026-01-01-2026-03-31', 95]]],
      ['satisfaction', [['satisfaction-2026-01-01-2026-06-30', 91]]],
    ]);
    // Only a returned value for response hours: no metric at all, not an empty one.
    expect(m.implementationMetrics!.some((x) => x.id === 'response_hours')).toBe(false);
  });

  it('nothing to say: neither field', () => {
    expect(contractMetrics({ term, indicators: results.indicators, targets: [], observations: [] })).toEqual({});
  });
});

describe('a release with metrics validates against 1.1.5 patched with the Metrics extension', () => {
  const f = buildFixture();
  const snapshot = readContractSnapshot(f.db.$client, f.activeA.id)!;
  const releaseOf = (withResults: boolean) => ({
    id: 'r-1',
    date: '2026-11-29T08:00:00+08:00',
    tag: ['contract'],
    ...buildReleaseContent({ ...snapshot, results: withResults ? results : { indicators: [], targets: [], observations: [] } }, 'ocds-lg0000-', { releaseId: 'r-1', previousReleaseId: null }),
  });
  const packageOf = (release: object) => ({ ...packageMetadata(env, '/api/public/ocds/release-package.json', '2026-11-29T08:00:00+08:00'), releases: [release] });
  const validate = packageValidators();
  // The core schema with the registry's extension only: it lets any agreedMetrics through (OCDS allows
  // extra fields), which is why the Metrics extension's schema must be patched in to check them.
  const withoutMetricsExtension = packageValidators([registryExtensionSchema as never]);

  it('the release builder puts them in contracts[].agreedMetrics and contracts[].implementation.metrics, and the package validates', () => {
    const release = releaseOf(true);
    const contract = release.contracts[0] as { agreedMetrics?: unknown[]; implementation?: { metrics?: unknown[] } };
    expect(contract.agreedMetrics).toHaveLength(3);
    expect(contract.implementation!.metrics).toHaveLength(3);
    const ok = validate.releasePackage(packageOf(release));
    expect(validate.releasePackage.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(closedCodelistProblems(release as never)).toEqual([]);
  });

  it('without targets or results the release has neither field', () => {
    const contract = releaseOf(false).contracts[0] as Record<string, unknown>;
    expect(contract).not.toHaveProperty('agreedMetrics');
    expect((contract.implementation as Record<string, unknown> | undefined) ?? {}).not.toHaveProperty('metrics');
  });

  const malformed: [string, (c: { agreedMetrics: Record<string, unknown>[]; implementation: { metrics: Record<string, unknown>[] } }) => void][] = [
    ['a metric without an id', (c) => delete c.agreedMetrics[0]!.id],
    ['a metric with an empty id', (c) => (c.agreedMetrics[0]!.id = '')],
    ['a metric without observations in its list', (c) => (c.implementation.metrics[0]!.observations = [])],
    ['an observation without an id', (c) => delete (c.implementation.metrics[0]!.observations as Record<string, unknown>[])[0]!.id],
    ['an empty unit', (c) => ((c.agreedMetrics[0]!.observations as Record<string, unknown>[])[0]!.unit = {})],
    ['an empty measure', (c) => ((c.agreedMetrics[0]!.observations as Record<string, unknown>[])[0]!.measure = '')],
    ['a measure that is an object', (c) => ((c.agreedMetrics[0]!.observations as Record<string, unknown>[])[0]!.measure = { value: 1 })],
    ['a period that is not a date', (c) => ((c.agreedMetrics[0]!.observations as Record<string, unknown>[])[0]!.period = { startDate: '2026-01-01' })],
    ['the same observation twice', (c) => {
      const list = c.implementation.metrics[0]!.observations as unknown[];
      list.push(structuredClone(list[0]));
    }],
    ['agreedMetrics that is not a list', (c) => ((c as Record<string, unknown>).agreedMetrics = { id: 'x' })],
  ];

  it.each(malformed)('%s fails (and passes the schema without the Metrics extension)', (name, breakIt) => {
    const release = releaseOf(true);
    breakIt(release.contracts[0] as never);
    expect(validate.releasePackage(packageOf(release)), name).toBe(false);
    expect(withoutMetricsExtension.releasePackage(packageOf(release)), name).toBe(true);
  });
});
