import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Allow } from '../auth/access.decorators';
import { IdParam } from '../common/id-param';
import { Ctx, type RequestContext } from '../common/request-context';
import {
  CreateSignpostingServiceInput,
  SignpostingListDto,
  SignpostingQuery,
  SignpostingServiceDto,
  UpdateSignpostingServiceInput,
} from './dto/signposting.dto';
import { SignpostingService } from './signposting.service';

@ApiTags('signposting')
@Controller('signposting-services')
export class SignpostingController {
  constructor(private readonly signposting: SignpostingService) {}

  @Get()
  @Allow('signposting.list')
  @ApiOperation({ summary: 'The signposting directory, by name (active entries unless asked)' })
  @ApiOkResponse({ type: SignpostingListDto })
  list(@Query() query: SignpostingQuery): Promise<SignpostingListDto> {
    return this.signposting.list(query.includeInactive ?? false);
  }

  @Post()
  @Allow('signposting.manage')
  @ApiOperation({ summary: 'Add a directory entry (admins)' })
  @ApiCreatedResponse({ type: SignpostingServiceDto })
  @ApiConflictResponse({ description: 'The key is already used' })
  create(
    @Ctx() ctx: RequestContext,
    @Body() input: CreateSignpostingServiceInput,
  ): Promise<SignpostingServiceDto> {
    return this.signposting.create(ctx, input);
  }

  @Patch(':id')
  @Allow('signposting.manage')
  @ApiOperation({
    summary: 'Change or retire a directory entry (admins); earlier signposts keep its old name',
  })
  @ApiOkResponse({ type: SignpostingServiceDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Stale version' })
  update(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() input: UpdateSignpostingServiceInput,
  ): Promise<SignpostingServiceDto> {
    return this.signposting.update(ctx, id, input);
  }
}
