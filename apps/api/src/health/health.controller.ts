import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/access.decorators';
import { HealthDto, LivenessDto, ReadinessDto } from './dto/health.dto';
import { HealthService } from './health.service';

/**
 * Probes for people and orchestrators: no token, nothing about people. `live` restarts a stuck
 * process; `ready` decides whether it gets traffic (compose's healthcheck uses it).
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly probes: HealthService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The API and its database answer' })
  @ApiOkResponse({ type: HealthDto, description: 'The API and its database answer' })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'The database does not answer' })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthDto> {
    if (await this.probes.databaseUp()) return { status: 'ok', db: 'up' };
    res.status(503);
    return { status: 'error', db: 'down' };
  }

  @Get('live')
  @Public()
  @ApiOperation({ summary: 'Liveness: the process is up (the database is not asked)' })
  @ApiOkResponse({ type: LivenessDto })
  live(): LivenessDto {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @ApiOperation({
    summary:
      'Readiness: the database answers, its migrations are current, and the process is not shutting down',
  })
  @ApiOkResponse({ type: ReadinessDto, description: 'Ready for traffic' })
  @ApiServiceUnavailableResponse({ type: ReadinessDto, description: 'Not ready: `problems` says why' })
  async ready(@Res({ passthrough: true }) res: Response): Promise<ReadinessDto> {
    const readiness = await this.probes.readiness();
    if (readiness.status !== 'ready') res.status(503);
    return readiness;
  }
}
