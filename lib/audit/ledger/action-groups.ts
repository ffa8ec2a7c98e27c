import { auditActions, type AuditAction } from '../events';

/** The order in which the action picker groups actions, by the kind of record they change (`ledger.groups.*`). */
export const actionGroupOrder = ['contract', 'amendment', 'milestone', 'deliverable', 'attachment', 'payment', 'evaluation', 'evaluator', 'matter', 'contractor', 'department', 'catalogue', 'user', 'auth', 'report'] as const;

/** Every audit action under its group, in the picker's order; an action of a group not listed comes last under its own prefix. */
export function actionGroups(): { group: string; actions: AuditAction[] }[] {
  const groupOf = (a: AuditAction) => a.slice(0, a.indexOf('.'));
  const groups = [...actionGroupOrder, ...new Set(auditActions.map(groupOf).filter((g) => !(actionGroupOrder as readonly string[]).includes(g)))];
  return groups.map((group) => ({ group, actions: auditActions.filter((a) => groupOf(a) === group) })).filter((g) => g.actions.length > 0);
}
