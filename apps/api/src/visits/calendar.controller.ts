import { Controller, Delete, Get, Header, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { Allow, Public } from '../auth/access.decorators';
import { notFound } from '../common/app.exception';
import { Ctx, type RequestContext } from '../common/request-context';
import { CalendarService } from './calendar.service';
import { CalendarDto, CalendarFeedDto, CalendarQuery } from './dto/calendar.dto';

@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  @Allow('calendar.read')
  @ApiOperation({
    summary: 'Visits and meetings in a date range (advocates: their own; managers: all or one)',
  })
  @ApiOkResponse({ type: CalendarDto })
  list(@Ctx() ctx: RequestContext, @Query() query: CalendarQuery): Promise<CalendarDto> {
    return this.calendar.calendar(ctx, query);
  }

  @Get('feed')
  @Allow('calendar.feed')
  @ApiOperation({ summary: 'Whether you have an iCalendar feed' })
  @ApiOkResponse({ type: CalendarFeedDto })
  feedStatus(@Ctx() ctx: RequestContext): Promise<CalendarFeedDto> {
    return this.calendar.feedStatus(ctx);
  }

  @Post('feed')
  @HttpCode(200)
  @Allow('calendar.feed')
  @ApiOperation({
    summary: 'Create (or replace) your iCalendar feed: answers its secret URL once',
    description:
      'The feed carries ward, hospital and times only, never client details. Replacing it ends the old URL.',
  })
  @ApiOkResponse({ type: CalendarFeedDto })
  createFeed(@Ctx() ctx: RequestContext, @Req() request: Request): Promise<CalendarFeedDto> {
    return this.calendar.createFeed(ctx, `${request.protocol}://${request.get('host') ?? 'localhost'}`);
  }

  @Delete('feed')
  @HttpCode(204)
  @Allow('calendar.feed')
  @ApiOperation({ summary: 'Revoke your iCalendar feed' })
  @ApiNoContentResponse()
  revokeFeed(@Ctx() ctx: RequestContext): Promise<void> {
    return this.calendar.revokeFeed(ctx);
  }

  @Get('feeds/:file')
  @Public()
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, max-age=300')
  @ApiOperation({ summary: 'An iCalendar feed by its secret URL (no sign-in: the URL is the secret)' })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'text/calendar' })
  @ApiNotFoundResponse()
  feed(@Param('file') file: string): Promise<string> {
    const match = /^(.+)\.ics$/.exec(file);
    if (!match) throw notFound('calendar feed');
    return this.calendar.feed(match[1]);
  }
}
