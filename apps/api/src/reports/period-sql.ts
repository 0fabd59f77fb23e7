/**
 * Report periods in SQL. A period is Europe/London calendar days, both inclusive; timestamps
 * are compared against the instants those days start and end, so a range stays a plain range
 * on an indexed timestamptz column (received_at) and clock changes are handled by PostgreSQL.
 * Arguments are SQL written by this codebase (parameter placeholders, column names), never input.
 */

/** The Europe/London day a referral was received on, as SQL (for ages on that day). */
export const receivedDaySql = (referral: string) =>
  `(${referral}.received_at AT TIME ZONE 'Europe/London')::date`;

/** The instant a Europe/London calendar day starts, as SQL, from a date parameter (e.g. `$1`). */
export const londonDayStartSql = (dateParam: string) =>
  `((${dateParam})::date::timestamp AT TIME ZONE 'Europe/London')`;

/** The instant after a Europe/London calendar day ends (the start of the next): inclusive end dates. */
export const londonDayEndSql = (dateParam: string) =>
  `(((${dateParam})::date + 1)::timestamp AT TIME ZONE 'Europe/London')`;
