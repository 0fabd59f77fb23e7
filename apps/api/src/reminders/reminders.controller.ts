import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Allow } from '../auth/access.decorators';
import { IdParam } from '../common/id-param';
import { Ctx, type RequestContext } from '../common/request-context';
import { ReminderCountDto, ReminderListDto, ReminderQuery } from './dto/reminder.dto';
import { RemindersService } from './reminders.service';

@ApiTags('reminders')
@Controller('reminders')
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  @Get()
  @Allow('reminders.list')
  @ApiOperation({
    summary: 'My reminders, not dismissed, oldest due first (keyset pages)',
    description:
      'Made by the reminders job (hourly): ward visits today, meetings tomorrow, active cases with no contact for 14 days. Audited when it shows cases.',
  })
  @ApiOkResponse({ type: ReminderListDto })
  list(@Ctx() ctx: RequestContext, @Query() query: ReminderQuery): Promise<ReminderListDto> {
    return this.reminders.list(ctx, query);
  }

  @Get('count')
  @Allow('reminders.list')
  @ApiOperation({ summary: 'How many reminders I have not dismissed' })
  @ApiOkResponse({ type: ReminderCountDto })
  count(@Ctx() ctx: RequestContext): Promise<ReminderCountDto> {
    return this.reminders.count(ctx);
  }

  @Post(':id/dismiss')
  @HttpCode(204)
  @Allow('reminders.dismiss')
  @ApiOperation({ summary: 'Dismiss one of my reminders (it stays dismissed while it is due)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'No such reminder, or not yours' })
  async dismiss(@Ctx() ctx: RequestContext, @IdParam() id: string): Promise<void> {
    await this.reminders.dismiss(ctx, id);
  }
}
