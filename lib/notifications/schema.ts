import { z } from 'zod';

/** A notification's key as listNotifications builds it. */
export const notificationKey = z.string().regex(/^(event:\d{1,15}|milestone:\d{1,15}:\d{4}-\d{2}-\d{2})$/, 'choice');

/** Mark some of one's notifications read, or all of those listed now. */
export const markNotificationsReadInput = z.union([
  z.object({ all: z.literal(true) }),
  z.object({ keys: z.array(notificationKey).min(1).max(100) }),
]);
