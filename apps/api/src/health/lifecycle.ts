import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * Where this process is in its life: serving, or shutting down (readiness answers 503 from the
 * first moment of a shutdown). Counts requests in flight, so a forced exit can say what it cut off.
 */
@Injectable()
export class Lifecycle {
  private shutdownStartedAt: number | null = null;
  private open = 0;

  get shuttingDown(): boolean {
    return this.shutdownStartedAt !== null;
  }

  get requestsInFlight(): number {
    return this.open;
  }

  /** Marks the start of a shutdown; answers false if one had already started. */
  beginShutdown(): boolean {
    if (this.shutdownStartedAt !== null) return false;
    this.shutdownStartedAt = Date.now();
    return true;
  }

  /** Express middleware: counts a request until its answer is sent or its connection drops. */
  readonly track = (_request: Request, response: Response, next: NextFunction) => {
    this.open += 1;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      this.open -= 1;
    };
    response.once('finish', finish);
    response.once('close', finish);
    next();
  };
}
