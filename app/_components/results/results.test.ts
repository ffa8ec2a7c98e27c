import { NextIntlClientProvider } from 'next-intl';
import { createElement, type ComponentType } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import zh from '@/messages/zh-CN.json';
import { formatFen, formatMoney } from '@/lib/format';
import { contractAttainment } from '@/lib/results/attainment';
import type { Indicator, Observation, Target } from '@/lib/results/types';
import { baselineByDepartment, contractUnitCost, matterBaseline, matterUnitCost, mulDivRound } from '@/lib/results/unit-cost';
import { BaselineChart } from './baseline-chart';
import { ResultsProgressTable } from './progress-table';
import { UnitCostComparison } from './unit-cost-comparison';
import { UnitCostFigure } from './unit-cost-figure';

// The results components rendered to HTML in both locales, in the provider the app's layout gives them;
// every figure checked against a recount from the same plain inputs.

/** The app layout's provider; children go as createElement's third argument. */
const Provider = NextIntlClientProvider as unknown as ComponentType<{ locale: string; messages: object; timeZone: string }>;

function render<P extends object>(locale: 'zh-CN' | 'en', component: ComponentType<P>, props: P): string {
  return renderToStaticMarkup(createElement(Provider, { locale, messages: locale === 'en' ? en : zh, timeZone: 'Asia/Shanghai' }, createElement(component, props)));
}
/** The visible text, tags removed (hidden spans and labels included). */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#x27;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');
const rowsOf = (html: string, testId: string) => [...html.matchAll(new RegExp(`<tr[^>]*data-testid="${testId}"[^>]*>(.*?)</tr>`, 'g'))].map((m) => text(m[1]!).trim());

const term = { startDate: '2026-01-01', endDate: '2026-12-31' };
const inspected: Indicator = { code: 'enterprises_inspected', nameZh: '企业安全检查家数', nameEn: 'Enterprises given safety inspections', unitCode: 'C62', kind: 'output_quantity', direction: 'higher', aggregation: 'sum' };
const answered: Indicator = { code: 'answered_24h', nameZh: '24 小时内响应投诉比例', nameEn: 'Complaints answered within 24 hours', unitCode: 'P1', kind: 'output_timeliness', direction: 'higher', aggregation: 'mean' };
const hours: Indicator = { code: 'response_hours', nameZh: '平均响应时长', nameEn: 'Average response time', unitCode: 'HUR', kind: 'output_timeliness', direction: 'lower', aggregation: 'mean' };
const satisfaction: Indicator = { code: 'satisfaction', nameZh: '群众满意度', nameEn: 'Resident satisfaction', unitCode: 'P1', kind: 'satisfaction', direction: 'higher', aggregation: 'latest' };
const targets: Target[] = [
  { indicatorCode: inspected.code, value: 400 },
  { indicatorCode: answered.code, value: 95 },
  { indicatorCode: hours.code, value: 4 },
];
const q1 = { periodStart: '2026-01-01', periodEnd: '2026-03-31' };
const observations: Observation[] = [
  { indicatorCode: inspected.code, ...q1, value: 60, accepted: true },
  { indicatorCode: inspected.code, ...q1, value: 500, accepted: false },
  { indicatorCode: answered.code, ...q1, value: 96.5, accepted: true },
];
const unitLabels = { zh: { C62: '家', P1: '%', HUR: '小时' }, en: { C62: 'enterprise', P1: '%', HUR: 'hour' } };

describe('progress table', () => {
  const attainments = contractAttainment([inspected, answered, hours, satisfaction], targets, observations, term, '2026-06-30');

  it('one row per indicator in the reader language: unit, target, result, share and status — recounted from the inputs', () => {
    const zhRows = rowsOf(render('zh-CN', ResultsProgressTable, { attainments, unitLabels: unitLabels.zh, asOf: '2026-06-30' }), 'results-progress-row');
    // 60 accepted of 400 (the returned 500 left out): 15%, behind at 181/365 of the term.
    expect(zhRows).toEqual([
      '企业安全检查家数 进度滞后 单位 家 目标值 400 完成值 60 完成比例 15%',
      '24 小时内响应投诉比例 进度正常 单位 % 目标值 95 完成值 96.5 完成比例 101.6%',
      '平均响应时长 暂无完成值 单位 小时 目标值 4 完成值 — 完成比例 —',
      '群众满意度 未设目标 单位 % 目标值 — 完成值 — 完成比例 —',
    ]);
    const enHtml = render('en', ResultsProgressTable, { attainments, unitLabels: unitLabels.en, asOf: '2026-06-30' });
    expect(rowsOf(enHtml, 'results-progress-row')[0]).toBe('Enterprises given safety inspections Behind Unit enterprise Target 400 Result so far 60 Share of target 15%');
    expect(text(enHtml)).toContain('On 2026-06-30, 49.6% of the contract term has passed.');
    expect(text(enHtml)).toContain('Results count only the values reported in accepted deliverables');
  });

  it('is the shared DataTable (cards on phones): row headers and labels repeated in the cells', () => {
    const html = render('en', ResultsProgressTable, { attainments, unitLabels: unitLabels.en, asOf: '2026-06-30' });
    expect(html).toContain('<th scope="row"');
    expect(html).toContain('max-md:');
  });

  it('without indicators it says so instead of an empty table', () => {
    const html = render('zh-CN', ResultsProgressTable, { attainments: [], unitLabels: unitLabels.zh, asOf: '2026-06-30' });
    expect(text(html)).toContain('该合同尚未设定绩效指标。');
    expect(html).not.toContain('<table');
  });
});

describe('cost per result', () => {
  it('the figure and its method, both locales, equal to paid ÷ accepted result', () => {
    const cost = contractUnitCost(inspected, { reference: 'LG-1', contractorId: 1, ...term, paidFen: 100_000_00, observations });
    expect(cost).toMatchObject({ status: 'ok', result: 60 });
    const expected = mulDivRound(100_000_00, 1, 60);
    const zhHtml = render('zh-CN', UnitCostFigure, { cost, indicator: inspected, unitLabel: '家' });
    expect(text(zhHtml)).toContain(`每家 ${formatFen(expected, 'zh-CN')}`);
    expect(text(zhHtml)).toContain(`计算方法：已付金额 ${formatFen(100_000_00, 'zh-CN')} ÷ “企业安全检查家数”的已验收完成值 60家 = 每家 ${formatFen(expected, 'zh-CN')}（四舍五入到分）。`);
    const enHtml = render('en', UnitCostFigure, { cost, indicator: inspected, unitLabel: 'enterprise', pooled: { counted: 1, leftOut: 2 } });
    expect(text(enHtml)).toContain('CN¥1,666.67 per enterprise');
    expect(text(enHtml)).toContain('1 contract pooled');
    expect(text(enHtml)).toContain('2 left out');
  });

  it('no figure, and why: no results yet, nothing paid, not a count, no main indicator', () => {
    const says = (cost: Parameters<typeof UnitCostFigure>[0]['cost'], indicator: Indicator | null = inspected) => text(render('en', UnitCostFigure, { cost, indicator, unitLabel: 'enterprise' }));
    expect(says({ status: 'no_results', paidFen: 5_000_00 })).toContain('No accepted result of “Enterprises given safety inspections” yet, so no cost per result (paid so far: CN¥5,000.00).');
    expect(says({ status: 'nothing_paid', result: 12 })).toContain('Nothing paid yet');
    expect(says({ status: 'not_a_count', paidFen: 1 }, satisfaction)).toContain('“Resident satisfaction”, is not a count');
    expect(says({ status: 'no_main_indicator' }, null)).toContain('names no main output indicator');
    expect(text(render('zh-CN', UnitCostFigure, { cost: { status: 'no_main_indicator' }, indicator: null, unitLabel: '' }))).toContain('该事项未指定主要产出指标');
  });
});

describe('cost per result compared across years and contractors', () => {
  const o = (periodEnd: string, value: number): Observation => ({ indicatorCode: inspected.code, periodStart: `${periodEnd.slice(0, 7)}-01`, periodEnd, value, accepted: true });
  const m = matterUnitCost(inspected, [
    { reference: 'LG-2025-1', contractorId: 7, startDate: '2025-01-01', endDate: '2025-12-31', paidFen: 90_000_00, observations: [o('2025-12-31', 300)] },
    { reference: 'LG-2026-1', contractorId: 9, ...term, paidFen: 60_000_00, observations: [o('2026-03-31', 100)] },
    { reference: 'LG-2026-2', contractorId: 9, ...term, paidFen: 20_000_00, observations: [] },
  ]);

  it('one row per year: contracts pooled, paid, accepted result and the figure, recounted', () => {
    const groups = m.byYear.map((y) => ({ key: String(y.year), label: String(y.year), ...y }));
    const html = render('en', UnitCostComparison, { groups, caption: 'By year', groupHeader: 'Year', unitLabel: 'enterprise' });
    expect(rowsOf(html, 'unit-cost-comparison-row')).toEqual([
      `2025 Contracts pooled 1 of 1 Paid ${formatFen(90_000_00, 'en')} Accepted result 300 enterprise Cost per result ${formatFen(300_00, 'en')} per enterprise`,
      `2026 Contracts pooled 1 of 2 Paid ${formatFen(60_000_00, 'en')} Accepted result 100 enterprise Cost per result ${formatFen(600_00, 'en')} per enterprise`,
    ]);
  });

  it('a group without a figure says why', () => {
    const groups = [{ key: 'x', label: '乙公司', cost: { status: 'no_results' as const, paidFen: 1 }, counted: [], leftOut: [{ reference: 'LG-2026-2', status: 'no_results' as const }] }];
    const html = render('zh-CN', UnitCostComparison, { groups, caption: '按承接主体', groupHeader: '承接主体', unitLabel: '家' });
    expect(rowsOf(html, 'unit-cost-comparison-row')).toEqual(['乙公司 计入合同 0/1 已付金额 — 已验收完成值 — 单位结果成本 尚无已验收完成值']);
  });
});

describe('contract spending against the in-house baseline', () => {
  const baseline = { staff: 3, yearlyCostPerPersonFen: 200_000_00, source: '龙港市财政局2025年人员经费标准', year: 2025 };
  const rows = [
    matterBaseline({ matterCode: 'LG-ENV-001', departmentCode: 'ENV', baseline, contracts: [{ valueFen: 360_000_00, startDate: '2026-01-01', endDate: '2026-12-31' }] }, 2026),
    matterBaseline({ matterCode: 'LG-ENV-002', departmentCode: 'ENV', baseline: null, contracts: [{ valueFen: 90_000_00, startDate: '2026-07-01', endDate: '2027-06-30' }] }, 2026),
    matterBaseline({ matterCode: 'LG-CUL-001', departmentCode: 'CUL', baseline: null, contracts: [{ valueFen: 50_000_00, startDate: '2026-01-01', endDate: '2026-12-31' }] }, 2026),
  ];
  const { departments, city } = baselineByDepartment(rows);
  const names: Record<string, string> = { ENV: '生态环境局', CUL: '文化和广电旅游体育局' };
  const props = { year: 2026, departments: departments.map((d) => ({ ...d, key: d.departmentCode, name: names[d.departmentCode]! })), city };

  it('bars only for departments with a baseline, as SVG without a viewBox; labels are HTML text; the table gives the exact recount', () => {
    const html = render('zh-CN', BaselineChart, props);
    expect(html.match(/data-testid="baseline-department"/g)).toHaveLength(1);
    expect(html).toContain('<svg');
    expect(html).not.toContain('viewBox');
    expect(html).not.toMatch(/<text[\s>]/);
    // The baseline (600,000 yuan) is the longest bar; the contracts' 360,000 is 60% of it.
    expect(html).toContain('width="100%"');
    expect(html).toContain('width="60%"');
    expect(text(html)).toContain(formatMoney(360_000_00, 'zh-CN'));
    const envUncompared = mulDivRound(90_000_00, 184, 365);
    expect(rowsOf(html, 'baseline-row')).toEqual([
      `生态环境局 已比较事项 1/2 合同支出 ${formatFen(360_000_00, 'zh-CN')} 自办成本基准 ${formatFen(600_000_00, 'zh-CN')} 差额（基准 − 合同支出） ${formatFen(240_000_00, 'zh-CN')} 未比较的合同支出 ${formatFen(envUncompared, 'zh-CN')}`,
      `文化和广电旅游体育局 已比较事项 0/1 合同支出 无基准 自办成本基准 无基准 差额（基准 − 合同支出） — 未比较的合同支出 ${formatFen(50_000_00, 'zh-CN')}`,
      `全市 已比较事项 1/3 合同支出 ${formatFen(360_000_00, 'zh-CN')} 自办成本基准 ${formatFen(600_000_00, 'zh-CN')} 差额（基准 − 合同支出） ${formatFen(240_000_00, 'zh-CN')} 未比较的合同支出 ${formatFen(envUncompared + 50_000_00, 'zh-CN')}`,
    ]);
    expect(text(html)).toContain('未登记基准的事项不作估算');
  });

  it('in English, with its text alternative; and no chart at all when no matter has a baseline', () => {
    const html = render('en', BaselineChart, props);
    expect(text(html)).toContain('In 2026, the 1 matter with a baseline cost CN¥360,000 in contracts against an in-house baseline of CN¥600,000.');
    expect(text(html)).toContain('Method: contract spending is each contract');
    const none = baselineByDepartment([rows[2]!]);
    const empty = render('en', BaselineChart, { year: 2026, departments: none.departments.map((d) => ({ ...d, key: d.departmentCode, name: 'Culture' })), city: none.city });
    expect(empty).not.toContain('<svg');
    expect(text(empty)).toContain('No matter has recorded an in-house baseline yet');
  });
});
