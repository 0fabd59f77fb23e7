import { AGE_BAND_FLOORS, NOT_RECORDED } from '@beacon/domain';

/**
 * The age band a report counts a client in, as SQL: from the date of birth on `onDate` when it is
 * recorded (so the band is right on the day of the referral, however long ago), else the band
 * the person gave, else NOT_RECORDED. The bands are libs/domain's; the referral list filters with
 * the same expression, so a report's bar and the list it drills down to always agree.
 * Arguments are SQL expressions written by this codebase, never user input.
 */
export function ageBandSql(dateOfBirth: string, onDate: string, recordedBand: string): string {
  // One age() per row: width_bucket counts the band floors (above the first) at or below the age.
  const bands = AGE_BAND_FLOORS.map(([band]) => `'${band}'`).join(', ');
  const floors = AGE_BAND_FLOORS.slice(1)
    .map(([, floor]) => floor)
    .join(', ');
  const age = `greatest(date_part('year', age(${onDate}, ${dateOfBirth})), 0)::int`;
  return `(CASE WHEN ${dateOfBirth} IS NULL THEN coalesce(${recordedBand}, '${NOT_RECORDED}')
       ELSE (ARRAY[${bands}])[width_bucket(${age}, ARRAY[${floors}]) + 1] END)`;
}
