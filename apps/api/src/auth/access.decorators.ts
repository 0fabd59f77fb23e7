import { SetMetadata, applyDecorators } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiHeader,
  ApiResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { POLICY, type Action } from '@beacon/domain';

export const ACTION_KEY = 'beacon:action';
export const PUBLIC_KEY = 'beacon:public';

/**
 * The one decorator for authentication and roles: the route needs a signed-in user whose
 * roles the policy table in libs/domain allows to take `action`.
 */
export function Allow(action: Action) {
  return applyDecorators(
    SetMetadata(ACTION_KEY, action),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No access token, or it expired' }),
    ApiForbiddenResponse({ description: `Allowed to: ${POLICY[action].join(', ')}` }),
  );
}

/** Opts a route out of authentication. Every route carries either this or @Allow (checked at start). */
export function Public() {
  return SetMetadata(PUBLIC_KEY, true);
}

/**
 * Documents break glass on a case-content read: admins without a casework role send
 * X-Access-Reason or get 428 (the access guard enforces it from the policy table).
 */
export const CaseContentRead = () =>
  applyDecorators(
    ApiHeader({
      name: 'X-Access-Reason',
      required: false,
      description:
        'Admins who are not also managers or advocates: why you are opening case content (5–500 characters, Latin-1). Kept in the audit trail.',
    }),
    ApiResponse({ status: 428, description: 'An admin opened case content without X-Access-Reason' }),
  );
