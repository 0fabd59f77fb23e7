import { Controller, Delete, Get, HttpCode } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { IdParam } from '../common/id-param';
import { Ctx, type RequestContext } from '../common/request-context';
import { Allow } from './access.decorators';
import { AuthService } from './auth.service';
import { SessionListDto } from './dto/auth.dto';

/** Admins see and end any account's sessions (e.g. a lost device), beside deactivation. */
@ApiTags('users')
@Controller('users')
export class UserSessionsController {
  constructor(private readonly auth: AuthService) {}

  @Get(':id/sessions')
  @Allow('users.sessions')
  @ApiOperation({ summary: 'An account’s signed-in sessions (admins)' })
  @ApiOkResponse({ type: SessionListDto })
  list(@IdParam() id: string): Promise<SessionListDto> {
    return this.auth.sessions(id, null);
  }

  @Delete(':id/sessions/:sessionId')
  @HttpCode(204)
  @Allow('users.sessions')
  @ApiOperation({ summary: 'End one of an account’s sessions at once (admins)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  async revoke(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @IdParam('sessionId') sessionId: string,
  ): Promise<void> {
    await this.auth.revokeSession(ctx, id, sessionId);
  }
}
