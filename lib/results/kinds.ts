/**
 * What an indicator measures, as China's budget performance management sorts performance targets (绩效目标,
 * 财政部《项目支出绩效评价管理办法》财预〔2020〕10号: 产出指标 — 数量、质量、时效、成本; 效益指标; 满意度指标).
 */
export const indicatorKinds = ['output_quantity', 'output_quality', 'output_timeliness', 'output_cost', 'effect', 'satisfaction'] as const;
export type IndicatorKind = (typeof indicatorKinds)[number];

export const indicatorKindNames: Record<IndicatorKind, { zh: string; en: string }> = {
  output_quantity: { zh: '产出数量', en: 'Output quantity' },
  output_quality: { zh: '产出质量', en: 'Output quality' },
  output_timeliness: { zh: '产出时效', en: 'Timeliness' },
  output_cost: { zh: '产出成本', en: 'Cost' },
  effect: { zh: '效益', en: 'Effect' },
  satisfaction: { zh: '满意度', en: 'Satisfaction' },
};

/** Whether more is better (enterprises inspected) or less (hours to answer a complaint). */
export const indicatorDirections = ['higher', 'lower'] as const;
export type IndicatorDirection = (typeof indicatorDirections)[number];
