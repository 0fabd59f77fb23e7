import type { Schemas } from '@beacon/api-client';
import {
  ELIGIBILITY_FACT_LABELS,
  ELIGIBILITY_FACT_NAMES,
  LEGAL_STATUS_LABELS,
  LOCAL_AUTHORITY_LABELS,
} from '@beacon/domain';
import { formatDate } from '../../../lib/format';

/** A referral's recorded facts as label and value, in the rule's order; facts not recorded are left out. */
export function factRows(facts: Schemas['EligibilityFactsDto']): { label: string; value: string }[] {
  return ELIGIBILITY_FACT_NAMES.flatMap((name) => {
    const value = facts[name];
    if (value === undefined || value === null) return [];
    const text =
      name === 'legalStatus' && facts.legalStatus
        ? LEGAL_STATUS_LABELS[facts.legalStatus]
        : name === 'localAuthority' && facts.localAuthority
          ? LOCAL_AUTHORITY_LABELS[facts.localAuthority]
          : name === 'dateOfBirth' && facts.dateOfBirth
            ? formatDate(facts.dateOfBirth)
            : value === true
              ? 'Yes'
              : value === false
                ? 'No'
                : String(value);
    return [{ label: ELIGIBILITY_FACT_LABELS[name], value: text }];
  });
}
