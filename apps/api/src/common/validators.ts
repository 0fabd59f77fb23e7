import { ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { isValidNhsNumber } from '../clients/name-key';
import { londonDate } from '@beacon/domain';

export const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A real calendar date (2026-02-30 is refused), YYYY-MM-DD. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

@ValidatorConstraint({ name: 'pastDate' })
export class PastDateRule implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return isCalendarDate(value) && value <= londonDate() && value >= '1900-01-01';
  }
  defaultMessage() {
    return 'must be a real date (YYYY-MM-DD), not in the future';
  }
}

@ValidatorConstraint({ name: 'calendarDate' })
export class CalendarDateRule implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return isCalendarDate(value);
  }
  defaultMessage() {
    return 'must be a date (YYYY-MM-DD)';
  }
}

@ValidatorConstraint({ name: 'nhsNumber' })
export class NhsNumberRule implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return typeof value === 'string' && isValidNhsNumber(value);
  }
  defaultMessage() {
    return 'is not a valid NHS number (10 digits with a correct check digit)';
  }
}
