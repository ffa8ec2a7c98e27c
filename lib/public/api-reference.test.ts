import { describe, expect, it } from 'vitest';
import { apiObjects } from './api-reference';
import { buildPublicFixture } from './public-fixture';
import { findPublicContractors, findPublicContracts, findPublicMatters, getPublicContract, getPublicContractor, getPublicMatter, getPublicStats } from './queries';

describe('the API page documents every field the API returns', () => {
  const f = buildPublicFixture();
  const contract = getPublicContract(f.db, f.activeA.reference)!;
  const samples: Record<keyof typeof apiObjects, object> = {
    matterListItem: findPublicMatters(f.db, {}).items[0]!,
    matterDetail: getPublicMatter(f.db, f.matterA.code)!,
    contractorListItem: findPublicContractors(f.db, {}).items[0]!,
    contractorDetail: getPublicContractor(f.db, f.contractorX.id)!,
    contractListItem: findPublicContracts(f.db).items[0]!,
    contractDetail: contract,
    milestone: contract.milestones[0]!,
    payment: contract.payments[0]!,
    amendment: contract.amendments[0]!,
    deliverable: contract.acceptedDeliverables[0]!,
    evaluation: contract.evaluations[0]!,
    stats: getPublicStats(f.db),
  };
  for (const [name, sample] of Object.entries(samples)) {
    it(name, () => {
      expect(Object.keys(sample).sort()).toEqual([...apiObjects[name as keyof typeof apiObjects]].sort());
    });
  }
});
