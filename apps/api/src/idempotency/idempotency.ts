import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  UseInterceptors,
  applyDecorators,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { createHash } from 'node:crypto';
import { Observable, catchError, from, mergeMap, of, throwError } from 'rxjs';
import { DataSource } from 'typeorm';
import { AppException, badRequest } from '../common/app.exception';
import { IdempotencyKeyEntity } from './entities/idempotency-key.entity';

const HEADER = 'Idempotency-Key';
const KEY = /^[\x21-\x7e]{1,255}$/;
/** A first request still "running" after this long is taken as lost (its process died). */
const ABANDONED_AFTER_MS = 60_000;
const KEEP_FOR_MS = 24 * 3_600_000;

/**
 * Marks a create route as honouring the Idempotency-Key header (and documents it). The
 * interceptor is bound to these routes only: as a global one it wrapped every request in Nest's
 * interceptor chain (two async resources and an observable each) to do nothing.
 */
export const Idempotent = () =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: HEADER,
      required: false,
      description:
        'A unique string per create (e.g. a UUID). Sending the same request again with the same key answers the first result instead of creating a duplicate; the same key with a different request answers 422. Kept for 24 hours.',
    }),
    ApiResponse({ status: 422, description: 'The Idempotency-Key was used for a different request' }),
  );

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

type Begin = { replay: true; body: unknown } | { replay: false };

/**
 * Replays the first successful answer for a (user, key); refuses the key for another request
 * (422) or while the first is still running (409). Failures are not stored, so a retry after a
 * 4xx or 5xx runs again.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const key = request.header(HEADER);
    const userId = request.currentUser?.id;
    if (key === undefined || !userId) return next.handle();
    if (!KEY.test(key)) {
      throw badRequest([{ field: HEADER, message: 'must be 1–255 visible ASCII characters' }]);
    }
    const requestHash = createHash('sha256')
      .update(`${request.method} ${request.originalUrl}\n${JSON.stringify(canonical(request.body ?? null))}`)
      .digest('hex');
    const status = this.reflector.get<number>(HTTP_CODE_METADATA, context.getHandler()) ?? 201;
    return from(this.begin(userId, key, requestHash)).pipe(
      mergeMap((begun) => {
        if (begun.replay) return of(begun.body);
        const repo = this.dataSource.getRepository(IdempotencyKeyEntity);
        return next.handle().pipe(
          mergeMap(async (body: unknown) => {
            await repo.update({ userId, key }, { status, response: body as object });
            return body;
          }),
          // A failed first request leaves nothing behind, so the client may retry it.
          catchError((error: unknown) =>
            from(repo.delete({ userId, key })).pipe(mergeMap(() => throwError(() => error))),
          ),
        );
      }),
    );
  }

  private async begin(userId: string, key: string, requestHash: string): Promise<Begin> {
    const repo = this.dataSource.getRepository(IdempotencyKeyEntity);
    const now = new Date();
    await repo
      .createQueryBuilder()
      .delete()
      .where('created_at < :cutoff', { cutoff: new Date(now.getTime() - KEEP_FOR_MS) })
      .execute();
    const inserted = (await this.dataSource.query(
      `INSERT INTO idempotency_keys (user_id, key, request_hash, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, key) DO NOTHING RETURNING key`,
      [userId, key, requestHash, now],
    )) as unknown[];
    if (inserted.length) return { replay: false };
    const existing = await repo.findOneBy({ userId, key });
    if (!existing) return this.begin(userId, key, requestHash);
    if (existing.requestHash !== requestHash) {
      throw new AppException(
        422,
        'idempotency-key-reused',
        'This Idempotency-Key was already used for a different request. Use a new key for a new record.',
      );
    }
    if (existing.status === null) {
      if (now.getTime() - existing.createdAt.getTime() > ABANDONED_AFTER_MS) {
        await repo.delete({ userId, key });
        return this.begin(userId, key, requestHash);
      }
      throw new AppException(
        409,
        'idempotency-in-progress',
        'The first request with this Idempotency-Key is still being handled. Try again in a moment.',
        undefined,
        { 'Retry-After': '1' },
      );
    }
    return { replay: true, body: existing.response };
  }
}
