import {
  SERVICE_TYPE_LABELS,
  checkEligibility,
  type EligibilityFacts,
  type ServiceType,
} from '@beacon/domain';
import { badRequest } from '../common/app.exception';

/**
 * Runs the domain rule and turns "cannot decide" into a 400 naming each fact (`facts.<name>`),
 * so the eligibility check and referral intake answer missing facts the same way.
 */
export function decideEligibility(serviceType: ServiceType, facts: EligibilityFacts, today: string) {
  const result = checkEligibility(serviceType, facts, today);
  if (result.missing.length || result.invalid.length) {
    throw badRequest(
      [
        ...result.invalid.map((p) => ({ field: `facts.${p.field}`, message: p.message })),
        ...result.missing.map((name) => ({
          field: `facts.${name}`,
          message: `is needed to decide eligibility for ${SERVICE_TYPE_LABELS[serviceType]}`,
        })),
      ],
      'Some facts the eligibility rule needs are missing or not valid.',
    );
  }
  return { eligible: result.eligible, reasons: result.reasons };
}
