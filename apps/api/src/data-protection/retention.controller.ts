import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { SERVICE_TYPES, type ServiceType } from '@beacon/domain';
import { Allow } from '../auth/access.decorators';
import { IdParam } from '../common/id-param';
import { Ctx, type RequestContext } from '../common/request-context';
import { trimmed } from '../common/validators';
import { RetentionService } from './retention.service';

export class AnonymiseInput {
  @ApiProperty({ maxLength: 500, example: 'Retention review November 2026: closed more than 8 years ago' })
  @Transform(trimmed)
  @IsString()
  @MinLength(5, { message: 'must say why (at least 5 characters)' })
  @MaxLength(500)
  reason: string;
}

class RetentionDueItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() reference: string;
  @ApiProperty({ enum: SERVICE_TYPES, enumName: 'ServiceType' }) serviceType: ServiceType;
  @ApiProperty() status: string;
  @ApiProperty({ format: 'date-time' }) closedAt: string;
  @ApiProperty({ format: 'date-time', description: 'When its retention period ended' }) dueSince: string;
  @ApiProperty() retentionYears: number;
}

class RetentionDueDto {
  @ApiProperty({ type: [RetentionDueItemDto] }) items: RetentionDueItemDto[];
}

@ApiTags('data protection')
@Controller('retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Get('due')
  @Allow('retention.review')
  @ApiOperation({
    summary:
      'Cases past their retention period, waiting for an admin to confirm anonymisation (oldest first)',
  })
  @ApiOkResponse({ type: RetentionDueDto })
  due(): Promise<RetentionDueDto> {
    return this.retention.due();
  }

  @Post('referrals/:id/anonymise')
  @HttpCode(204)
  @Allow('retention.anonymise')
  @ApiOperation({
    summary:
      'Remove a due case’s personal content (and the person’s, once none of their cases is held in full)',
    description:
      'Dates, statuses and counts stay so reports still add up; nothing is deleted. Audited with the reason.',
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Not yet due, or already anonymised' })
  async anonymise(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() input: AnonymiseInput,
  ): Promise<void> {
    await this.retention.anonymise(ctx, id, input.reason);
  }
}
