import { describe, expect, it } from 'vitest';
import { validate } from '../shared/validate';
import { procurementInput } from '../procurement/schema';
import { procurementFromForm } from './procurement';

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

describe('the drafting form’s procurement fields', () => {
  it('are left out when no method is chosen', () => {
    expect(procurementFromForm(form({ 'procurement.noticeDate': '2026-01-01' }), '7')).toBeUndefined();
  });

  it('list the contractor first as the awarded bidder, then the named bidders, bids from yuan to fen; the schema takes them', () => {
    const input = procurementFromForm(
      form({
        'procurement.method': 'open_tender',
        'procurement.noticeDate': '2026-01-02',
        'procurement.bidDeadline': '2026-01-25',
        'procurement.evaluationMethod': 'comprehensive_scoring',
        'procurement.numberOfTenderers': '3',
        'procurement.awardedBid': '980000.50',
        'procurement.bidders.0.name': '温州某检测有限公司',
        'procurement.bidders.0.bid': '1020000',
        'procurement.bidders.2.name': '  ',
      }),
      '7',
    );
    const parsed = validate(procurementInput, input);
    expect(parsed.tenderers).toEqual([
      { contractorId: 7, awarded: true, bidFen: 98_000_050 },
      { name: '温州某检测有限公司', awarded: false, bidFen: 102_000_000 },
    ]);
    expect(parsed.numberOfTenderers).toBe(3);
  });

  it('pass a malformed bid on for the schema to refuse, never as 0', () => {
    const input = procurementFromForm(form({ 'procurement.method': 'open_tender', 'procurement.bidders.0.name': '甲', 'procurement.bidders.0.bid': '1,000' }), '7');
    expect(() => validate(procurementInput, input)).toThrow(/tenderers\.1\.bidFen/);
  });
});
