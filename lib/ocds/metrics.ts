import { aggregate } from '../results/attainment';
import type { Indicator, IndicatorKind, Observation, Target, Term } from '../results/types';

// A contract's targets and results in OCDS, per the Metrics extension (lib/ocds/metrics-extension/, a copy
// of open-contracting-extensions/ocds_metrics_extension at the commit in its SOURCE, served at
// /api/public/ocds/metrics-extension/ and listed in every package's `extensions`):
// - `contracts[].agreedMetrics`: one metric per indicator with a target, one observation per target
//   (the whole term, or its period);
// - `contracts[].implementation.metrics`: one metric per indicator with an accepted result, one observation
//   per reporting period — the accepted values reported for the same period combined by the indicator's
//   aggregation (summed, averaged, or the last one).
// Only accepted values are published, and only those whose period ends inside the term (the rule of
// lib/results/attainment.ts, so the open data says what the contract page says). Units are UN/CEFACT
// Recommendation 20 codes (scheme `UNCEFACT`). Texts are in Chinese with `_en` variants, like the rest of the
// release. Lists that would be empty are left out (the schema wants at least one item).

export type OcdsMetricObservation = {
  id: string;
  period: { startDate: string; endDate: string };
  measure: number;
  unit: { scheme: 'UNCEFACT'; id: string; name?: string };
};

export type OcdsMetric = { id: string; title: string; title_en: string; description: string; description_en: string; observations: OcdsMetricObservation[] };

export type ContractMetricsInput = {
  term: Term;
  indicators: readonly Indicator[];
  targets: readonly Target[];
  observations: readonly Observation[];
  /** English names of UN/CEFACT units by code (`KMT` → `kilometre`), for `unit.name`; a unit without one has only its code. */
  unitNames?: Readonly<Record<string, string>>;
};

const startOfDay = (date: string) => `${date}T00:00:00+08:00`;
const endOfDay = (date: string) => `${date}T23:59:59+08:00`;

const kindText: Record<IndicatorKind, { zh: string; en: string }> = {
  output_quantity: { zh: '产出数量指标', en: 'Output quantity indicator' },
  output_quality: { zh: '产出质量指标', en: 'Output quality indicator' },
  output_timeliness: { zh: '产出时效指标', en: 'Output timeliness indicator' },
  output_cost: { zh: '产出成本指标', en: 'Output cost indicator' },
  effect: { zh: '效益指标', en: 'Effect indicator' },
  satisfaction: { zh: '满意度指标', en: 'Satisfaction indicator' },
};
const directionText = {
  higher: { zh: '目标为最低值（数值越高越好）', en: 'The target is a minimum (higher is better)' },
  lower: { zh: '目标为最高值（数值越低越好）', en: 'The target is a maximum (lower is better)' },
};
const aggregationText = {
  sum: { zh: '同一报告期的数值相加', en: 'values reported for the same period are added up' },
  mean: { zh: '同一报告期的数值取平均', en: 'values reported for the same period are averaged' },
  latest: { zh: '同一报告期取最后报告的数值', en: 'the last value reported for a period is taken' },
};

const unitOf = (i: Indicator, names: Readonly<Record<string, string>> | undefined): OcdsMetricObservation['unit'] => {
  const name = i.unitName ?? names?.[i.unitCode];
  return { scheme: 'UNCEFACT', id: i.unitCode, ...(name ? { name } : {}) };
};

/** Targets as `agreedMetrics`, results as `implementation.metrics`; each absent when it would be empty. */
export function contractMetrics(input: ContractMetricsInput): { agreedMetrics?: OcdsMetric[]; implementationMetrics?: OcdsMetric[] } {
  const agreed: OcdsMetric[] = [];
  const reported: OcdsMetric[] = [];
  for (const i of input.indicators) {
    const unit = unitOf(i, input.unitNames);
    const targets = input.targets
      .filter((t) => t.indicatorCode === i.code)
      .map((t) => {
        const whole = t.periodStart === undefined || t.periodEnd === undefined;
        const start = whole ? input.term.startDate : t.periodStart!;
        const end = whole ? input.term.endDate : t.periodEnd!;
        return { id: whole ? `${i.code}-target` : `${i.code}-target-${start}-${end}`, period: { startDate: startOfDay(start), endDate: endOfDay(end) }, measure: t.value, unit };
      })
      .sort((a, b) => (a.period.startDate < b.period.startDate ? -1 : a.period.startDate > b.period.startDate ? 1 : a.id < b.id ? -1 : 1));
    if (targets.length > 0) {
      agreed.push({
        id: i.code,
        title: i.nameZh,
        title_en: i.nameEn,
        description: `${kindText[i.kind].zh}。${directionText[i.direction].zh}。`,
        description_en: `${kindText[i.kind].en}. ${directionText[i.direction].en}.`,
        observations: targets,
      });
    }

    const byPeriod = new Map<string, Observation[]>();
    for (const o of input.observations) {
      if (o.indicatorCode !== i.code || !o.accepted || o.periodEnd < input.term.startDate || o.periodEnd > input.term.endDate) continue;
      const key = `${o.periodStart}/${o.periodEnd}`;
      byPeriod.set(key, [...(byPeriod.get(key) ?? []), o]);
    }
    const observations = [...byPeriod.keys()].sort().map((key) => {
      const [start, end] = key.split('/') as [string, string];
      return { id: `${i.code}-${start}-${end}`, period: { startDate: startOfDay(start), endDate: endOfDay(end) }, measure: aggregate(byPeriod.get(key)!, i.aggregation)!, unit };
    });
    if (observations.length > 0) {
      reported.push({
        id: i.code,
        title: i.nameZh,
        title_en: i.nameEn,
        description: `已验收成果报告的数值，每个报告期一条；${aggregationText[i.aggregation].zh}。`,
        description_en: `Values reported in accepted deliverables, one observation per reporting period; ${aggregationText[i.aggregation].en}.`,
        observations,
      });
    }
  }
  return { ...(agreed.length > 0 ? { agreedMetrics: agreed } : {}), ...(reported.length > 0 ? { implementationMetrics: reported } : {}) };
}
