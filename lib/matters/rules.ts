import type { CatalogueStatus } from '../domain/enums';
import { nextStatus, stepsOf, type TransitionTable } from '../domain/transitions';

/** Catalogue status: draft → listed → withdrawn. A withdrawn matter stays withdrawn (DESIGN.md names no way back). */
export const catalogueTransitions = {
  list: { from: ['draft'], to: 'listed' },
  withdraw: { from: ['listed'], to: 'withdrawn' },
} as const satisfies TransitionTable<CatalogueStatus>;
export type CatalogueStep = keyof typeof catalogueTransitions;
export const catalogueSteps = stepsOf<CatalogueStatus, CatalogueStep>(catalogueTransitions);
export const nextCatalogueStatus = (status: CatalogueStatus, step: CatalogueStep): CatalogueStatus | null =>
  nextStatus<CatalogueStatus, CatalogueStep>(catalogueTransitions, status, step);
