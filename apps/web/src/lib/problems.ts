import { isProblem } from '@beacon/api-client';
import { useMemo } from 'react';

/** The problem type of a write refused because the record changed since it was loaded. */
export const STALE_VERSION = 'urn:beacon:problem:stale-version';

/** Whether a failed request is the API's problem of this kind (`urn:beacon:problem:<slug>`). */
export function isProblemType(error: unknown, slug: string): boolean {
  return isProblem(error) && error.type === `urn:beacon:problem:${slug}`;
}

/**
 * A 409 because someone else changed the record first (reload and try again), as opposed to
 * other conflicts (an illegal transition, a case that is not open…) whose detail says what to do.
 */
export function isStaleVersion(error: unknown): boolean {
  return isProblem(error, 409) && error.type === STALE_VERSION;
}

/** What to tell a person about a failed request, in words they can act on. */
export function errorText(error: unknown): string {
  if (isProblem(error)) {
    if (error.status >= 500) return 'Something went wrong on our side. Please try again in a moment.';
    return error.detail;
  }
  return 'Beacon could not reach the server. Check the connection and try again.';
}

/** One line of a form's error summary, linking to its control when it has one. */
export interface SummaryItem {
  fieldId?: string;
  text: string;
}

/** A field the API names: the id of its control and the words for it in a sentence. */
export interface FieldMeta {
  id: string;
  label: string;
}

/**
 * The key of `fields` an API field path belongs to, most specific first: `client.nhsNumber` is
 * looked up as itself, then as `client`; `roles[0]` falls back to `roles`.
 */
export function fieldKeyFor(path: string, fields: Record<string, FieldMeta>): string | undefined {
  let key = path;
  for (;;) {
    if (Object.prototype.hasOwnProperty.call(fields, key)) return key;
    const cut = Math.max(key.lastIndexOf('.'), key.lastIndexOf('['));
    if (cut <= 0) return undefined;
    key = key.slice(0, cut);
  }
}

/**
 * Turns a failed save into sentences: one per field the API named (shown beside the field and in
 * the summary), or one for the whole form when the problem is not about a field. Field paths are
 * matched most specific first (see fieldKeyFor), so a form may name nested fields such as
 * `client.lastName` or keep one key for a whole object.
 */
export function formProblems(
  error: unknown,
  fields: Record<string, FieldMeta>,
  describe: (error: unknown) => string = errorText,
) {
  const byField: Record<string, string> = {};
  const summary: SummaryItem[] = [];
  if (!error) return { byField, summary };
  if (isProblem(error) && error.fieldErrors.length) {
    for (const fieldError of error.fieldErrors) {
      const name = fieldKeyFor(fieldError.field, fields);
      const meta = name === undefined ? undefined : fields[name];
      if (name === undefined || !meta) summary.push({ text: `${fieldError.field} ${fieldError.message}` });
      else if (!byField[name]) {
        byField[name] = `${meta.label} ${fieldError.message}`;
        summary.push({ fieldId: meta.id, text: byField[name] });
      }
    }
    return { byField, summary };
  }
  summary.push({ text: describe(error) });
  return { byField, summary };
}

/** formProblems once per failed attempt: the summary takes focus whenever it changes. */
export function useFormProblems(
  error: unknown,
  fields: Record<string, FieldMeta>,
  describe: (error: unknown) => string = errorText,
) {
  return useMemo(() => formProblems(error, fields, describe), [error, fields, describe]);
}
