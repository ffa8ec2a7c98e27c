import { describe, expect, it } from 'vitest';
import { validate } from '../shared/validate';
import { indicatorValues } from '../deliverables/schema';
import { namedValueRows } from './rows';

function form(fields: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}

describe('name/value form rows', () => {
  it('reads filled rows and skips rows without a name', () => {
    const rows = namedValueRows(form({ 'indicators.0.name': 'households_visited', 'indicators.0.value': '120', 'indicators.1.name': '', 'indicators.1.value': '5', 'indicators.2.name': ' inspections_done ', 'indicators.2.value': ' 7 ' }), 'indicators');
    expect(validate(indicatorValues, rows)).toEqual({ households_visited: 120, inspections_done: 7 });
  });
  it('refuses a named row without a value, a negative or fractional value and a bad name', () => {
    for (const [name, value] of [['visits', ''], ['visits', '-1'], ['visits', '1.5'], ['Visits Made', '3']] as const) {
      expect(() => validate(indicatorValues, namedValueRows(form({ 'indicators.0.name': name, 'indicators.0.value': value }), 'indicators')), `${name}=${value}`).toThrow();
    }
  });
});
