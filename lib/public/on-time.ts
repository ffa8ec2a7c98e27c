/**
 * "On time": an accepted deliverable whose (last) submission came no later than the end of its period
 * plus this many days. Written out on the overview page and the API page.
 */
export const ON_TIME_GRACE_DAYS = 30;
