import { ruleViolation } from '../errors';

/**
 * A lifecycle as one pure table: each named step, the statuses it may start from and the status it ends
 * in. Every status change of every entity goes through one of these tables; the service then writes it
 * compare-and-set (`UPDATE … WHERE id = ? AND status = ?`, exactly one row changed, else 'stale').
 */
export type TransitionTable<S extends string, K extends string = string> = { readonly [step in K]: { readonly from: readonly S[]; readonly to: S } };

/** The status after `step`, or null when the step is not allowed from `status`. */
export function nextStatus<S extends string, K extends string>(table: TransitionTable<S, K>, status: S, step: K): S | null {
  const t = table[step];
  return t && t.from.includes(status) ? t.to : null;
}

/** The steps of `table`, in the order they are written. */
export const stepsOf = <S extends string, K extends string>(table: TransitionTable<S, K>): K[] => Object.keys(table) as K[];

/** Steps available from a status. */
export function availableSteps<S extends string, K extends string>(table: TransitionTable<S, K>, status: S): K[] {
  return stepsOf(table).filter((step) => nextStatus(table, status, step) !== null);
}

/** The step that leads from `from` to `to`, or null when the table has none (for forms that name the target status). */
export function stepBetween<S extends string, K extends string>(table: TransitionTable<S, K>, from: S, to: S): K | null {
  return stepsOf(table).find((step) => nextStatus(table, from, step) === to) ?? null;
}

/** The statuses one step away from `status`. */
export function reachableStatuses<S extends string, K extends string>(table: TransitionTable<S, K>, status: S): S[] {
  return [...new Set(availableSteps(table, status).map((step) => table[step].to))];
}

/**
 * The status after `step`, or a rule error when the table refuses it. `rule` names the message
 * (errors.rules.<rule>); entities that had their own key before the tables keep it.
 */
export function requireNextStatus<S extends string, K extends string>(
  table: TransitionTable<S, K>,
  status: S,
  step: K,
  what: string,
  rule = 'transition_not_allowed',
): S {
  const to = nextStatus(table, status, step);
  if (to === null) throw ruleViolation(rule, `${what}: ${String(step)} is not allowed from ${status}`, { from: status, step: String(step) });
  return to;
}

/** Like requireNextStatus, for forms that name the target status instead of the step. */
export function requireStepTo<S extends string, K extends string>(table: TransitionTable<S, K>, from: S, to: S, what: string, rule = 'transition_not_allowed'): K {
  const step = stepBetween(table, from, to);
  if (step === null) throw ruleViolation(rule, `${what}: cannot go from ${from} to ${to}`, { from, to });
  return step;
}
