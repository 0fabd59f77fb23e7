import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Allow } from '../auth/access.decorators';
import { notFound } from '../common/app.exception';
import { Ctx, type RequestContext } from '../common/request-context';
import { JobRunRequestedDto, JobsStatusDto } from './dto/jobs.dto';
import { JOB_NAMES, type JobName } from './entities/job-run.entity';
import { JobsService } from './jobs.service';

const isJobName = (value: string): value is JobName => (JOB_NAMES as readonly string[]).includes(value);

@ApiTags('jobs')
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Get()
  @Allow('jobs.list')
  @ApiOperation({
    summary: 'Background jobs: each schedule, its last and next run, and what waits, runs or failed',
  })
  @ApiOkResponse({ type: JobsStatusDto })
  status(): Promise<JobsStatusDto> {
    return this.jobs.status();
  }

  @Post(':name/run')
  @HttpCode(202)
  @Allow('jobs.run')
  @ApiOperation({ summary: 'Run a job now (queued at once; audited)' })
  @ApiParam({ name: 'name', enum: JOB_NAMES, enumName: 'JobName' })
  @ApiAcceptedResponse({ type: JobRunRequestedDto })
  @ApiNotFoundResponse({ description: 'No such job' })
  @ApiConflictResponse({ description: 'Already waiting to run, or jobs are switched off in this process' })
  runNow(@Ctx() ctx: RequestContext, @Param('name') name: string): Promise<JobRunRequestedDto> {
    if (!isJobName(name)) throw notFound('job');
    return this.jobs.runNow(ctx, name);
  }
}
