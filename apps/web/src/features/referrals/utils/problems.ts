import { ProblemError, isProblem } from '@beacon/api-client';

/**
 * The same problem with its field names put under `prefix`: a refusal of POST /api/clients
 * (`lastName`) shown on the referral form's person fields (`client.lastName`).
 */
export function prefixFieldErrors(error: unknown, prefix: string): unknown {
  if (!isProblem(error) || !error.fieldErrors.length) return error;
  return new ProblemError(error.status, {
    type: error.type,
    title: error.title,
    detail: error.detail,
    errors: error.fieldErrors.map((fieldError) => ({ ...fieldError, field: `${prefix}${fieldError.field}` })),
  });
}
