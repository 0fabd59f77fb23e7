import { Injectable, OnApplicationBootstrap, RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { isAction } from '@beacon/domain';
import { ACTION_KEY, PUBLIC_KEY } from './access.decorators';

export interface RouteAccess {
  method: string;
  path: string;
  handler: string;
  access: 'public' | string | null;
}

/** Lists every route with the access rule it carries; `null` when it has none. */
export function describeRoutes(
  discovery: DiscoveryService,
  scanner: MetadataScanner,
  reflector: Reflector,
): RouteAccess[] {
  const routes: RouteAccess[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as Record<string, unknown> | undefined;
    if (!instance || !wrapper.metatype) continue;
    const prototype = Object.getPrototypeOf(instance) as object;
    const base = (Reflect.getMetadata(PATH_METADATA, wrapper.metatype) as string | undefined) ?? '';
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = (prototype as Record<string, unknown>)[name] as object;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (path === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number] ?? 'GET';
      const targets = [handler as () => void, wrapper.metatype as () => void];
      const isPublic = reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets);
      const action = reflector.getAllAndOverride<unknown>(ACTION_KEY, targets);
      routes.push({
        method,
        path: `/${[base, path].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/'),
        handler: `${wrapper.name}.${name}`,
        access: isPublic ? 'public' : isAction(action) ? action : null,
      });
    }
  }
  return routes;
}

/** Refuses to start when a route carries neither @Public() nor an @Allow() action from the policy table. */
@Injectable()
export class RoutePolicyCheck implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap() {
    const unguarded = describeRoutes(this.discovery, this.scanner, this.reflector).filter(
      (r) => r.access === null,
    );
    if (unguarded.length) {
      throw new Error(
        `Every route needs @Allow(<policy action>) or @Public(). Missing on: ${unguarded.map((r) => `${r.method} ${r.path} (${r.handler})`).join(', ')}`,
      );
    }
  }
}
