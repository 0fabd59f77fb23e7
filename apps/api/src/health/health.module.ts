import { Global, Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';
import { Lifecycle } from './lifecycle';

/** Health probes, and the process lifecycle that readiness and graceful shutdown share. */
@Global()
@Module({
  controllers: [HealthController],
  providers: [HealthService, Lifecycle],
  exports: [Lifecycle],
})
export class HealthModule {}
