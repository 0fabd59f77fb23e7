import { isProblem } from '@beacon/api-client';

/**
 * "Break glass": an admin who does no casework gives a reason before opening case content, sent
 * as this header and kept by the API in the audit trail with every read of that request. The
 * reason lives in memory only, for one search session on one page.
 */
export const ACCESS_REASON_HEADER = 'X-Access-Reason';
export const ACCESS_REASON_MIN_LENGTH = 5;
export const ACCESS_REASON_MAX_LENGTH = 500;
/** The problem type of a 428: the request needed a reason and had none (or not a usable one). */
export const ACCESS_REASON_REQUIRED = 'urn:beacon:problem:access-reason-required';

export function isAccessReasonRequired(error: unknown): boolean {
  return isProblem(error, 428) && error.type === ACCESS_REASON_REQUIRED;
}

const TYPOGRAPHY: [RegExp, string][] = [
  [/[\u2018\u2019\u201a\u201b\u2032]/g, "'"],
  [/[\u201c\u201d\u201e\u201f\u2033]/g, '"'],
  [/[\u2010-\u2015\u2212]/g, '-'],
  [/\u2026/g, '...'],
];

/**
 * The reason as it can travel in an HTTP header: one line, typographic quotes and dashes made
 * plain (a header carries Latin-1 only), surrounding space trimmed.
 */
export function normaliseReason(text: string): string {
  let out = text;
  for (const [pattern, plain] of TYPOGRAPHY) out = out.replace(pattern, plain);
  // eslint-disable-next-line no-control-regex -- control characters cannot travel in a header
  return out.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();
}

/** What is wrong with a reason (after normalising), as the end of a sentence; empty when it will do. */
export function reasonProblems(text: string): string[] {
  const reason = normaliseReason(text);
  if (!reason) return ['is required'];
  const problems: string[] = [];
  if (reason.length < ACCESS_REASON_MIN_LENGTH) {
    problems.push(`must be at least ${ACCESS_REASON_MIN_LENGTH} characters`);
  }
  if (reason.length > ACCESS_REASON_MAX_LENGTH) {
    problems.push(`must be at most ${ACCESS_REASON_MAX_LENGTH} characters`);
  }
  // eslint-disable-next-line no-control-regex -- the check is exactly "outside Latin-1"
  if (/[^\u0000-\u00ff]/.test(reason)) {
    problems.push('can only use letters, numbers and everyday punctuation (no emoji or symbols)');
  }
  return problems;
}

/** The reason of a search session and whether the dialog asking for it is open. */
export interface ReasonState {
  reason: string | null;
  asking: boolean;
}

export type ReasonAction =
  /** Open the dialog: to give a first reason, or to change the one given. */
  | { type: 'ask' }
  | { type: 'give'; reason: string }
  | { type: 'cancel' }
  /** The API did not accept the reason (428): forget it and ask again. */
  | { type: 'refused' }
  | { type: 'forget' };

export const NO_REASON: ReasonState = { reason: null, asking: false };

export function reasonReducer(state: ReasonState, action: ReasonAction): ReasonState {
  switch (action.type) {
    case 'ask':
      return state.asking ? state : { ...state, asking: true };
    case 'give': {
      const reason = normaliseReason(action.reason);
      return reasonProblems(reason).length ? state : { reason, asking: false };
    }
    case 'cancel':
      return state.asking ? { ...state, asking: false } : state;
    case 'refused':
      return { reason: null, asking: true };
    case 'forget':
      return NO_REASON;
  }
}

/** The headers of a case-content read: the reason when there is one. */
export function reasonHeaders(reason: string | null): Record<string, string> | undefined {
  return reason ? { [ACCESS_REASON_HEADER]: reason } : undefined;
}
