import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { Public } from '../auth/access.decorators';
import { AppException } from '../common/app.exception';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { MetricsService } from './metrics.service';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Prometheus scrapes GET /api/metrics with `Authorization: Bearer <METRICS_TOKEN>`. Without
 * METRICS_TOKEN, or without the right token, the route answers 404 like any unknown address.
 * It is not a user's route, so no JWT (@Public) and not in the OpenAPI document; nginx also
 * refuses it from outside (docker/nginx.conf): Prometheus scrapes the API replicas directly.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  private readonly expected: Buffer | null;

  constructor(
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.expected = config.ops.metricsToken ? digest(config.ops.metricsToken) : null;
  }

  @Get()
  @Public()
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const token = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
    if (!this.expected || !token || !timingSafeEqual(digest(token), this.expected))
      // Exactly what an unknown address answers: no hint that metrics exist here.
      throw new AppException(404, 'not-found', 'There is nothing at this address.');
    res.setHeader('Content-Type', this.metrics.registry.contentType);
    // end(), not send(): Express would rewrite the content type Prometheus negotiates on.
    res.end(await this.metrics.render());
  }
}
