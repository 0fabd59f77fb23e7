/**
 * Third-party authorisation for carers (DOMAIN.md, Carers advocacy): a referral made on a
 * carer's behalf by someone else may go ahead only while the carer's authorisation for that
 * person is in force: given on or before the day, not withdrawn, and not past its expiry
 * (an authorisation expiring on a day still counts on that day).
 */
export const AUTHORISATION_STATES = ['VALID', 'EXPIRED', 'WITHDRAWN', 'NOT_YET_GIVEN'] as const;
export type AuthorisationState = (typeof AUTHORISATION_STATES)[number];

export const AUTHORISATION_STATE_LABELS: Record<AuthorisationState, string> = {
  VALID: 'Valid',
  EXPIRED: 'Expired',
  WITHDRAWN: 'Withdrawn',
  NOT_YET_GIVEN: 'Not yet given',
};

export interface AuthorisationDates {
  /** YYYY-MM-DD. */
  givenOn: string;
  /** YYYY-MM-DD or null for no expiry. */
  expiresOn: string | null;
  /** Set once withdrawn. */
  withdrawn: boolean;
}

/** The state of an authorisation on `today` (YYYY-MM-DD, Europe/London). Withdrawal wins. */
export function authorisationState(a: AuthorisationDates, today: string): AuthorisationState {
  if (a.withdrawn) return 'WITHDRAWN';
  if (a.givenOn > today) return 'NOT_YET_GIVEN';
  if (a.expiresOn !== null && a.expiresOn < today) return 'EXPIRED';
  return 'VALID';
}

/** Whether a referral with this source needs the carer's authorisation for a third party. */
export function needsThirdPartyAuthorisation(serviceType: string, source: string): boolean {
  return serviceType === 'CARERS' && source !== 'SELF';
}
