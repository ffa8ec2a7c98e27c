import type { Grade } from '../domain/enums';

/** excellent ≥ 90, good ≥ 80, pass ≥ 60, fail below. */
export function gradeFor(score: number): Grade {
  if (score >= 90) return 'excellent';
  if (score >= 80) return 'good';
  if (score >= 60) return 'pass';
  return 'fail';
}

/** The overall score: the mean of the indicator scores, rounded half up to a whole point. */
export function overallScore(scores: Record<string, number>): number {
  const values = Object.values(scores);
  if (values.length === 0) throw new Error('an evaluation needs at least one indicator score');
  return Math.round(values.reduce((a, b) => a + b, 0) / values.length);
}
