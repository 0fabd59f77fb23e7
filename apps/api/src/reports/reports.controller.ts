import { Body, Controller, Get, Param, Patch, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { SERVICE_TYPES, isServiceType, type ServiceType } from '@beacon/domain';
import type { Response } from 'express';
import { Allow } from '../auth/access.decorators';
import { badRequest } from '../common/app.exception';
import { Ctx, type RequestContext } from '../common/request-context';
import {
  ReportQuery,
  ReportSummaryDto,
  UpdateWaitingTargetInput,
  WaitingTargetDto,
  WaitingTargetListDto,
} from './dto/report.dto';
import { ReportsService } from './reports.service';

const BAD_PERIOD =
  'A date that is not a real YYYY-MM-DD, an end before the start, or more than 366 days; each field named';

/** `:serviceType` of a target: one of the services (400 naming the field otherwise). */
const ServiceTypeParam = () =>
  Param('serviceType', {
    transform: (value: unknown): ServiceType => {
      if (!isServiceType(value))
        throw badRequest([{ field: 'serviceType', message: `must be one of ${SERVICE_TYPES.join(', ')}` }]);
      return value;
    },
  });

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('summary')
  @Allow('reports.read')
  @ApiOperation({
    summary:
      'Every report figure for a period of Europe/London days (inclusive), docs/reports.md defines each',
    description: 'Aggregates only. Audited as report.summary with the period.',
  })
  @ApiOkResponse({ type: ReportSummaryDto })
  @ApiBadRequestResponse({ description: BAD_PERIOD })
  summary(@Ctx() ctx: RequestContext, @Query() query: ReportQuery): Promise<ReportSummaryDto> {
    return this.reports.summary(ctx, query);
  }

  @Get('summary.csv')
  @Allow('reports.export')
  @ApiOperation({
    summary: 'The same figures as CSV: one tidy table, section,key,label,measure,value',
    description: 'The file name carries the period. Audited as report.export with the period.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'text/csv' })
  @ApiBadRequestResponse({ description: BAD_PERIOD })
  async summaryCsv(
    @Ctx() ctx: RequestContext,
    @Query() query: ReportQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const csv = await this.reports.csv(ctx, query);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${csv.fileName}"`);
    res.setHeader('Cache-Control', 'no-store');
    return csv.body;
  }

  @Get('targets')
  @Allow('reports.targets')
  @ApiOperation({ summary: 'The waiting-time target of each service: days from receipt to first contact' })
  @ApiOkResponse({ type: WaitingTargetListDto })
  targets(): Promise<WaitingTargetListDto> {
    return this.reports.targets();
  }

  @Patch('targets/:serviceType')
  @Allow('reports.targetsManage')
  @ApiOperation({
    summary: 'Change one service’s waiting-time target (admins); audited with before and after',
  })
  @ApiParam({ name: 'serviceType', enum: SERVICE_TYPES, enumName: 'ServiceType' })
  @ApiOkResponse({ type: WaitingTargetDto })
  @ApiBadRequestResponse({ description: 'Not a service, or days outside 1–365' })
  @ApiConflictResponse({ description: 'Stale version' })
  updateTarget(
    @Ctx() ctx: RequestContext,
    @ServiceTypeParam() serviceType: ServiceType,
    @Body() input: UpdateWaitingTargetInput,
  ): Promise<WaitingTargetDto> {
    return this.reports.updateTarget(ctx, serviceType, input);
  }
}
