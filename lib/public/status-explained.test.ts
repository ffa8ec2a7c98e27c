import { describe, expect, it } from 'vitest';
import { changeContractorVerification } from '../contractors/service';
import { transitionContract } from '../contracts/service';
import { withRecordedTime } from '../shared/time';
import { buildFixture } from '../testing/fixture';
import { getPublicContract } from './contract-queries';
import { getPublicContractor } from './contractor-queries';

// Public record pages explain a status: since when, and the reason published with it (Beijing dates).

describe('public records say since when and why', () => {
  it('a debarred contractor shows the date and the reason; a verified one shows neither', () => {
    const f = buildFixture();
    expect(getPublicContractor(f.db, f.contractorX.id)).toMatchObject({ verificationStatus: 'verified', statusReason: null, statusSince: null });
    withRecordedTime(new Date('2026-05-09T17:30:00Z'), () => changeContractorVerification(f.db, f.actors.admin, { contractorId: f.contractorX.id, to: 'debarred', reason: '严重失信，列入黑名单' }));
    // 17:30 UTC is 01:30 the next day in Beijing.
    expect(getPublicContractor(f.db, f.contractorX.id)).toMatchObject({ verificationStatus: 'debarred', statusReason: '严重失信，列入黑名单', statusSince: '2026-05-10' });
  });

  it('a terminated contract shows its termination date and reason; an active one neither', () => {
    const f = buildFixture();
    expect(getPublicContract(f.db, f.activeB.reference)).toMatchObject({ status: 'active', statusReason: null, statusSince: null });
    withRecordedTime(new Date('2026-08-01T02:00:00Z'), () => transitionContract(f.db, f.actors.officerB, { contractId: f.activeB.id, transition: 'terminate', reason: '承接方严重违约' }));
    expect(getPublicContract(f.db, f.activeB.reference)).toMatchObject({ status: 'terminated', statusReason: '承接方严重违约', statusSince: '2026-08-01' });
  });
});
