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
  it('grades the rounded overall score, so 89.5 on average is excellent and 59.4 fails', () => {
    expect(gradeFor(overallScore({ a: 89, b: 90 }))).toBe('excellent');
    expect(gradeFor(overallScore({ a: 59, b: 59.8 }))).toBe('fail');
    expect(gradeFor(overallScore({ a: 100, b: 0, c: 80 }))).toBe('pass');
  });
});
