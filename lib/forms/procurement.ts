/** How many other-bidder rows the drafting form offers (it works without JavaScript). */
export const BIDDER_ROWS = 3;

const yuanToFen = (yuan: string): string | number => (/^\d{1,11}(\.\d{1,2})?$/.test(yuan) ? Math.round(Number(yuan) * 100) : yuan);

/** How many bidder rows a form offered (the edit form offers one per recorded bidder and one more; at most 50). */
export function offeredBidderRows(formData: FormData): number {
  const sent = Number(formData.get('procurement.bidderRows'));
  return Math.min(50, Math.max(BIDDER_ROWS, Number.isInteger(sent) ? sent : 0));
}

/**
 * The drafting form's procurement fields (`procurement.*`) as the use case takes them (lib/procurement/schema.ts),
 * or undefined when no method was chosen. The contract's contractor is the awarded bidder, listed first with
 * its bid when other bidders or its bid are given; other bidders come from rows with a name.
 */
export function procurementFromForm(formData: FormData, contractorId: string | undefined, bidderRows = BIDDER_ROWS): Record<string, unknown> | undefined {
  const field = (name: string) => {
    const v = formData.get(`procurement.${name}`);
    return typeof v === 'string' ? v.trim() : '';
  };
  const method = field('method');
  if (!method) return undefined;
  const others = Array.from({ length: bidderRows }, (_, i) => ({ name: field(`bidders.${i}.name`), creditCode: field(`bidders.${i}.creditCode`), bid: field(`bidders.${i}.bid`) }))
    .filter((b) => b.name !== '')
    .map((b) => ({ name: b.name, creditCode: b.creditCode, bidFen: b.bid === '' ? undefined : yuanToFen(b.bid), awarded: false }));
  const ownBid = field('awardedBid');
  const tenderers = others.length > 0 || ownBid !== '' ? [{ contractorId, awarded: true, bidFen: ownBid === '' ? undefined : yuanToFen(ownBid) }, ...others] : [];
  return {
    method,
    noticeDate: field('noticeDate'),
    bidDeadline: field('bidDeadline'),
    evaluationMethod: field('evaluationMethod'),
    numberOfTenderers: field('numberOfTenderers'),
    singleSourceGround: field('singleSourceGround'),
    justification: field('justification'),
    procurementNoticeUrl: field('procurementNoticeUrl'),
    awardNoticeUrl: field('awardNoticeUrl'),
    tenderers,
  };
}
