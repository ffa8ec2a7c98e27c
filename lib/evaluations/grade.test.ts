import { describe, expect, it } from 'vitest';
import { gradeFor, overallScore } from './grade';

describe('evaluation arithmetic', () => {
  it('grades at the boundaries', () => {
    expect([100, 90, 89, 80, 79, 60, 59, 0].map(gradeFor)).toEqual(['excellent', 'excellent', 'good', 'good', 'pass', 'pass', 'fail', 'fail']);
  });
  it('rounds the mean of indicator scores half up', () => {
    expect(overallScore({ a: 90, b: 85 })).toBe(88);
    expect(overallScore({ a: 59, b: 60 })).toBe(60);
    expect(overallScore({ a: 70 })).toBe(70);
    expect(() => overallScore({})).toThrow();
  });
});
