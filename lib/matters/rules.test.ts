import { describe, expect, it } from 'vitest';
import { catalogueStatuses, type CatalogueStatus } from '../domain/enums';
import { catalogueSteps, nextCatalogueStatus } from './rules';
import { matterStatusSteps } from './schema';

describe('catalogue transition table', () => {
  const legal: Record<string, CatalogueStatus> = {
    'draft list': 'listed',
    'listed withdraw': 'withdrawn',
  };

  it('allows exactly draft → listed → withdrawn', () => {
    for (const status of catalogueStatuses) {
      for (const step of catalogueSteps) {
        expect(nextCatalogueStatus(status, step), `${status} ${step}`).toBe(legal[`${status} ${step}`] ?? null);
      }
    }
  });

  it('offers the form the same targets: withdrawn → draft or listed is refused', () => {
    expect(matterStatusSteps).toEqual({ draft: ['listed'], listed: ['withdrawn'], withdrawn: [] });
  });
});
