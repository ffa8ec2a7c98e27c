// Canonical JSON (RFC 8785, as lib/audit/chain.ts canonicalJson writes it) of the hot audit event data,
// built by hand with the keys already in sorted order: canonicalJson() sorts keys on every call, which is
// most of the cost at ten million events. The tests check each of these against canonicalJson().

import { canonicalJson } from '../audit/chain';

const q = JSON.stringify;
const n = (v: number | null): string => (v === null ? 'null' : String(v));
const s = (v: string | null): string => (v === null ? 'null' : q(v));

/** `{from, to, reason?, comment?}` of a status step. */
export function transitionJson(from: string, to: string, extra: { reason?: string; comment?: string } = {}): string {
  return `{${extra.comment !== undefined ? `"comment":${q(extra.comment)},` : ''}"from":${q(from)},${extra.reason !== undefined ? `"reason":${q(extra.reason)},` : ''}"to":${q(to)}}`;
}

const sortedOrder = new Map<readonly string[], number[]>();
/** Canonical JSON of integer indicators given in `keys` order. */
export function indicatorsJson(keys: readonly string[], values: readonly number[]): string {
  let order = sortedOrder.get(keys);
  if (!order) {
    order = keys.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
    sortedOrder.set(keys, order);
  }
  return `{${order.map((i) => `${q(keys[i])}:${String(values[i])}`).join(',')}}`;
}

export type ContractDrafted = {
  reference: string;
  matterId: number;
  contractorId: number;
  departmentId: number;
  valueFen: number;
  startDate: string;
  endDate: string;
  justification: string | null;
  terms: string;
  noSubcontractDeclared: boolean;
  renewalOfId: number | null;
  draftedBy: number;
};

export function contractDraftedJson(v: ContractDrafted): string {
  return (
    `{"after":{"contractorId":${v.contractorId},"departmentId":${v.departmentId},"draftedBy":${v.draftedBy},"endDate":${q(v.endDate)}` +
    `,"justification":${s(v.justification)},"matterId":${v.matterId},"noSubcontractDeclared":${v.noSubcontractDeclared}` +
    `,"reference":${q(v.reference)},"renewalOfId":${n(v.renewalOfId)},"startDate":${q(v.startDate)},"terms":${q(v.terms)},"valueFen":${v.valueFen}}}`
  );
}

export function milestoneCreatedJson(v: { contractId: number; title: string; type: string; dueDate: string }): string {
  return `{"after":{"contractId":${v.contractId},"dueDate":${q(v.dueDate)},"title":${q(v.title)},"type":${q(v.type)}}}`;
}

export type DeliverableSubmitted = {
  contractId: number;
  contractorId: number;
  milestoneId: number | null;
  title: string;
  periodStart: string;
  periodEnd: string;
  description: string;
  /** Canonical JSON text of the indicators object. */
  indicators: string;
  supersedesId: number | null;
};

export function deliverableSubmittedJson(v: DeliverableSubmitted): string {
  return (
    `{"after":{"contractId":${v.contractId},"contractorId":${v.contractorId},"description":${q(v.description)},"indicators":${v.indicators}` +
    `,"milestoneId":${n(v.milestoneId)},"periodEnd":${q(v.periodEnd)},"periodStart":${q(v.periodStart)},"supersedesId":${n(v.supersedesId)},"title":${q(v.title)}}}`
  );
}

export function paymentRecordedJson(v: { contractId: number; milestoneId: number | null; amountFen: number; paidOn: string }): string {
  return `{"after":{"amountFen":${v.amountFen},"contractId":${v.contractId},"milestoneId":${n(v.milestoneId)},"paidOn":${q(v.paidOn)}}}`;
}

/** Rare enough (one in a few contracts) to go through canonicalJson. */
export function evaluationRecordedJson(v: Record<string, unknown>): string {
  return canonicalJson({ after: v });
}
