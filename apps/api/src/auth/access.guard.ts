import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import {
  MFA_ENROLMENT_ACTIONS,
  PASSWORD_CHANGE_ACTIONS,
  can,
  mfaEnrolmentDue,
  needsAccessReason,
  type Action,
} from '@beacon/domain';
import { AppException } from '../common/app.exception';
import { accessReason, type CurrentUser } from '../common/request-context';
import { ACTION_KEY, PUBLIC_KEY } from './access.decorators';

/** The global guard: every route needs a valid access token unless it is @Public(), then the policy table decides. */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    return super.canActivate(context);
  }

  override handleRequest<TUser = CurrentUser>(
    err: unknown,
    user: CurrentUser | false,
    _info: unknown,
    context: ExecutionContext,
  ): TUser {
    if (err || !user) {
      throw new AppException(
        401,
        'unauthenticated',
        'Sign in to continue: the access token is missing, invalid or expired.',
      );
    }
    const request = context.switchToHttp().getRequest<Request>();
    request.currentUser = user;
    const action = this.reflector.getAllAndOverride<Action | undefined>(ACTION_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!action) throw new Error(`route ${request.method} ${request.route?.path} has no @Allow or @Public`);
    if (!can(user.roles, action)) {
      throw new AppException(403, 'forbidden', 'Your role does not allow this.');
    }
    // First one's own password, then (for managers and admins) two-step verification.
    if (user.passwordChangeRequired) {
      if (!(PASSWORD_CHANGE_ACTIONS as readonly Action[]).includes(action))
        throw new AppException(
          403,
          'password-change-required',
          'Your password was set by an admin. Choose your own password to continue.',
        );
    } else if (mfaEnrolmentDue(user) && !MFA_ENROLMENT_ACTIONS.includes(action)) {
      throw new AppException(
        403,
        'mfa-enrolment-required',
        'Your role needs two-step verification. Set it up on your account page to continue.',
      );
    }
    if (needsAccessReason(user.roles, action) && !accessReason(request)) {
      throw new AppException(
        428,
        'access-reason-required',
        'Opening case content as an admin needs a reason (X-Access-Reason header, 5–500 characters); it is kept in the audit trail.',
      );
    }
    return user as TUser;
  }
}
