import { isStaleVersion } from './problems';

/**
 * A change refused because someone else changed the record first (409 stale version): what the
 * person sees of it. The record is reloaded; the fields that matter to their decision are compared
 * between the version they had and the newer one, with who changed it and when where the record
 * says; their own change stays as they made it, to apply again on the newer version or discard.
 */

/** Any record the API versions. */
export interface Versioned {
  version: number;
}

/** One field that matters to a decision, as a person reads it (null: not set). */
export interface ConflictField<T> {
  label: string;
  value: (record: T) => string | null;
}

/** Something that happened to the record in between, as its history tells it. */
export interface ConflictEvent {
  what: string;
  by: string | null;
  at: string | null;
}

/** How one kind of record is compared. */
export interface ConflictSpec<T> {
  /** "referral", "visit": the record in a sentence. */
  noun: string;
  fields: readonly ConflictField<T>[];
  /** What happened between the two versions, from the record's own history, oldest first. */
  events?: (before: T, after: T) => ConflictEvent[];
}

export interface FieldChange {
  label: string;
  before: string;
  after: string;
}

export const NOT_SET = 'Not set';

/** The fields of `fields` whose value differs between the two versions, in their order. */
export function changedFields<T>(before: T, after: T, fields: readonly ConflictField<T>[]): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const was = field.value(before);
    const now = field.value(after);
    if (was !== now) changes.push({ label: field.label, before: was ?? NOT_SET, after: now ?? NOT_SET });
  }
  return changes;
}

/** What a conflict notice shows: the changes, what happened, and whether the change can go on it. */
export interface ConflictSummary {
  changes: FieldChange[];
  events: ConflictEvent[];
  /** Why the person's change can no longer be applied to the newer version, if it cannot. */
  blocked: string | null;
}

export function summariseConflict<T>(
  spec: ConflictSpec<T>,
  before: T,
  after: T,
  blocked: (after: T) => string | null = () => null,
): ConflictSummary {
  return {
    changes: changedFields(before, after, spec.fields),
    events: spec.events?.(before, after) ?? [],
    blocked: blocked(after),
  };
}

/** A conflict under way: the version the change was made on, and the newer one once reloaded. */
export interface Conflict<T> {
  before: T;
  latest: T | null;
}

/**
 * Whether `problem` (the last answer to a change sent on `sentOn`) is a conflict, and with what:
 * the newer version is `current` once the reload brings a version other than the one sent.
 */
export function conflictOf<T extends Versioned>(
  problem: unknown,
  sentOn: T | null,
  current: T | null | undefined,
): Conflict<T> | null {
  if (!sentOn || !isStaleVersion(problem)) return null;
  return { before: sentOn, latest: current && current.version !== sentOn.version ? current : null };
}

/** A refusal to show beside a form's fields: not a conflict, which has its own notice. */
export function withoutConflict(problem: unknown): unknown {
  return isStaleVersion(problem) ? null : problem;
}

/** Several values as one, for comparing and showing ("Advocate, Manager"). */
export function listValue(values: readonly string[], empty: string | null = null): string | null {
  return values.length ? values.join(', ') : empty;
}
