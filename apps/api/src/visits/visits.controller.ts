import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Allow } from '../auth/access.decorators';
import { IdParam } from '../common/id-param';
import { Ctx, type RequestContext } from '../common/request-context';
import {
  CancelVisitInput,
  CoverageDto,
  CoverageQuery,
  CreateScheduleInput,
  EndScheduleInput,
  LogVisitInput,
  MoveVisitInput,
  ScheduleDto,
  ScheduleListDto,
  SchedulesQuery,
  VisitDto,
  VisitListDto,
  VisitsQuery,
} from './dto/visit.dto';
import { VisitsService } from './visits.service';

@ApiTags('visits')
@Controller()
export class VisitsController {
  constructor(private readonly visits: VisitsService) {}

  @Post('visit-schedules')
  @Allow('schedules.manage')
  @ApiOperation({ summary: 'A weekly ward visit for an advocate (managers); times are Europe/London' })
  @ApiCreatedResponse({ type: ScheduleDto })
  createSchedule(@Ctx() ctx: RequestContext, @Body() input: CreateScheduleInput): Promise<ScheduleDto> {
    return this.visits.createSchedule(ctx, input);
  }

  @Get('visit-schedules')
  @Allow('schedules.list')
  @ApiOperation({ summary: 'Visit schedules (advocates: their own)' })
  @ApiOkResponse({ type: ScheduleListDto })
  listSchedules(@Ctx() ctx: RequestContext, @Query() query: SchedulesQuery): Promise<ScheduleListDto> {
    return this.visits.listSchedules(ctx, query);
  }

  @Post('visit-schedules/:id/end')
  @HttpCode(200)
  @Allow('schedules.manage')
  @ApiOperation({ summary: 'End a schedule on a day; its later planned visits are removed' })
  @ApiOkResponse({ type: ScheduleDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Stale version' })
  endSchedule(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() input: EndScheduleInput,
  ): Promise<ScheduleDto> {
    return this.visits.endSchedule(ctx, id, input);
  }

  @Get('visits')
  @Allow('visits.list')
  @ApiOperation({
    summary: 'Planned and logged visits in a date range (inclusive, at most 93 days)',
    description: 'Advocates see their own; managers everyone’s or one advocate’s.',
  })
  @ApiOkResponse({ type: VisitListDto })
  @ApiBadRequestResponse({ description: 'Bad or too long range' })
  list(@Ctx() ctx: RequestContext, @Query() query: VisitsQuery): Promise<VisitListDto> {
    return this.visits.list(ctx, query);
  }

  @Get('visits/coverage')
  @Allow('visits.coverage')
  @ApiOperation({
    summary: 'Ward coverage: scheduled, held, cancelled and missed visits per ward (managers)',
  })
  @ApiOkResponse({ type: CoverageDto })
  coverage(@Query() query: CoverageQuery): Promise<CoverageDto> {
    return this.visits.coverage(query.from, query.to);
  }

  @Get('visits/:id')
  @Allow('visits.list')
  @ApiOperation({ summary: 'One visit (advocates: their own)' })
  @ApiOkResponse({ type: VisitDto })
  @ApiNotFoundResponse({ description: 'No such visit, or not yours' })
  get(@Ctx() ctx: RequestContext, @IdParam() id: string): Promise<VisitDto> {
    return this.visits.get(ctx, id);
  }

  @Post('visits/:id/log')
  @HttpCode(200)
  @Allow('visits.log')
  @ApiOperation({
    summary: 'Log a visit as held (patients seen, new referrals, minutes) or cancelled (with reason)',
  })
  @ApiOkResponse({ type: VisitDto })
  @ApiNotFoundResponse({ description: 'No such visit, or not yours' })
  @ApiConflictResponse({ description: 'Stale version' })
  @ApiUnprocessableEntityResponse({ description: 'Held before its day' })
  log(@Ctx() ctx: RequestContext, @IdParam() id: string, @Body() input: LogVisitInput): Promise<VisitDto> {
    return this.visits.log(ctx, id, input);
  }

  @Post('visits/:id/move')
  @HttpCode(200)
  @Allow('visits.reschedule')
  @ApiOperation({ summary: 'Move one planned visit to another day or time' })
  @ApiOkResponse({ type: VisitDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Stale version, or already logged' })
  move(@Ctx() ctx: RequestContext, @IdParam() id: string, @Body() input: MoveVisitInput): Promise<VisitDto> {
    return this.visits.move(ctx, id, input);
  }

  @Post('visits/:id/cancel')
  @HttpCode(200)
  @Allow('visits.reschedule')
  @ApiOperation({ summary: 'Cancel one planned visit ahead, with a reason' })
  @ApiOkResponse({ type: VisitDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Stale version, or already logged' })
  cancel(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() input: CancelVisitInput,
  ): Promise<VisitDto> {
    return this.visits.cancel(ctx, id, input);
  }
}
