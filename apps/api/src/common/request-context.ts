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
}

/** Who is acting, from where: passed explicitly to services so every audit row names them. */
export interface RequestContext {
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

export function contextFromRequest(request: Request): RequestContext {
  return {
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
