import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { LoggerService } from '@nestjs/common';

const SAFE_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Gives every request an id (a proxy's X-Request-Id when it looks safe), echoes it, and logs one line when it ends. */
export function requestIdAndLog(logger: LoggerService) {
  return (request: Request, response: Response, next: NextFunction) => {
    const incoming = request.header('x-request-id');
    request.id = incoming && SAFE_ID.test(incoming) ? incoming : randomUUID();
    response.setHeader('X-Request-Id', request.id);
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      if (!request.originalUrl.startsWith('/api')) return;
      logger.log(
        {
          msg: 'request',
          requestId: request.id,
          method: request.method,
          path: request.originalUrl.split('?')[0],
          status: response.statusCode,
          durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
          userId: request.currentUser?.id,
        },
        'Http',
      );
    });
    next();
  };
}
