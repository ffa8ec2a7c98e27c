import type { ActionState } from './action-state';

/** The state a form starts in (importable from client components). */
export const idleState: ActionState = { status: 'idle' };
