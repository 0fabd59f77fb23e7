import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { Request } from 'express';
import type { Role } from '@beacon/domain';

/** The signed-in user as the access guard loaded it from the database for this request. */
export interface CurrentUser {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  sessionId: string | null;
  /** The password is one an admin gave: the account must change it before anything else. */
  passwordChangeRequired: boolean;
  mfaEnabled: boolean;
  /** Until when an account that needs two-step verification may work without it (null: no grace). */
  mfaEnrolBy: Date | null;
}

/** Who is acting, from where: passed explicitly to services so every audit row names them. */
export interface RequestContext {
  /** An admin's reason for opening case content ("break glass"), kept with every audit event of the request. */
  accessReason?: string | null;
  actorId: string | null;
  ip: string | null;
  requestId: string | null;
  user: CurrentUser | null;
}

declare module 'express-serve-static-core' {
  interface Request {
    id?: string;
    currentUser?: CurrentUser;
  }
}

/** The X-Access-Reason header when it is a usable reason (5–500 characters), else null. */
export function accessReason(request: Request): string | null {
  const value = request.header('x-access-reason')?.trim();
  return value && value.length >= 5 && value.length <= 500 ? value : null;
}

export function contextFromRequest(request: Request): RequestContext {
  return {
    accessReason: accessReason(request),
    actorId: request.currentUser?.id ?? null,
    ip: request.ip ?? null,
    requestId: request.id ?? null,
    user: request.currentUser ?? null,
  };
}

/** `@Ctx() ctx: RequestContext` in a controller method. */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  contextFromRequest(context.switchToHttp().getRequest<Request>()),
);

/** `@Me() user: CurrentUser`: only on routes behind the access guard. */
export const Me = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const user = context.switchToHttp().getRequest<Request>().currentUser;
  if (!user) throw new Error('@Me() used on a route without a signed-in user');
  return user;
});

/** The signed-in user of a context that must have one (routes behind the access guard). */
export function requireUser(ctx: RequestContext): CurrentUser {
  if (!ctx.user) throw new Error('a signed-in user is required');
  return ctx.user;
}
