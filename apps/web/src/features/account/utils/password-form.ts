import { isProblem, ProblemError, type FieldError } from '@beacon/api-client';

export interface PasswordDraft {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export const EMPTY_PASSWORD_DRAFT: PasswordDraft = {
  currentPassword: '',
  newPassword: '',
  confirmPassword: '',
};

/**
 * What the form can tell before asking the server: the new password typed twice must match.
 * Everything about the password itself (length, common, same as before) is the API's to say.
 */
export function passwordDraftProblems(draft: PasswordDraft): FieldError[] {
  if (draft.newPassword && draft.confirmPassword !== draft.newPassword) {
    return [{ field: 'confirmPassword', message: 'does not match' }];
  }
  return [];
}

/** The API's words where they read oddly after the field's label ("Current password is not your current password"). */
const REWORDED: Record<string, Record<string, string>> = {
  currentPassword: { 'is not your current password': 'is not right' },
  // Confirming it is you before a change to two-step verification.
  password: { 'is not your current password': 'is not right' },
};

export function passwordProblem(error: unknown): unknown {
  if (!isProblem(error) || !error.fieldErrors.length) return error;
  return new ProblemError(error.status, {
    type: error.type,
    title: error.title,
    detail: error.detail,
    errors: error.fieldErrors.map((e) => ({ ...e, message: REWORDED[e.field]?.[e.message] ?? e.message })),
  });
}
