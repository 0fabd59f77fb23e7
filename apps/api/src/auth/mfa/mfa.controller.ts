import { Body, Controller, Delete, Get, HttpCode, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { IdParam } from '../../common/id-param';
import { Ctx, Me, type CurrentUser, type RequestContext } from '../../common/request-context';
import { Allow } from '../access.decorators';
import { MfaCodeDto, MfaPasswordDto, MfaSetupDto, MfaStatusDto, RecoveryCodesDto } from './mfa.dto';
import { MfaService } from './mfa.service';

/** Your own two-step verification. Open to an account whose enrolment is due (it can do nothing else). */
@ApiTags('auth')
@Controller('auth/mfa')
export class MfaController {
  constructor(private readonly mfa: MfaService) {}

  @Get()
  @Allow('auth.mfa')
  @ApiOperation({ summary: 'Whether two-step verification is on, required, and recovery codes left' })
  @ApiOkResponse({ type: MfaStatusDto })
  status(@Me() user: CurrentUser): Promise<MfaStatusDto> {
    return this.mfa.status(user.id);
  }

  @Post('setup')
  @HttpCode(200)
  @Allow('auth.mfa')
  @ApiOperation({
    summary: 'Start setting up: a new secret for an authenticator app (it counts once confirmed with a code)',
  })
  @ApiOkResponse({ type: MfaSetupDto })
  @ApiConflictResponse({ description: 'Already on' })
  setup(@Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response): Promise<MfaSetupDto> {
    res.setHeader('Cache-Control', 'no-store');
    return this.mfa.setup(ctx);
  }

  @Post('enable')
  @HttpCode(200)
  @Allow('auth.mfa')
  @ApiOperation({
    summary:
      'Confirm with the app’s current code: turns it on, ends your other sessions, answers recovery codes once',
  })
  @ApiOkResponse({ type: RecoveryCodesDto })
  @ApiBadRequestResponse({ description: 'The code does not match' })
  @ApiConflictResponse({ description: 'Already on, or setup not started' })
  enable(
    @Ctx() ctx: RequestContext,
    @Body() dto: MfaCodeDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RecoveryCodesDto> {
    res.setHeader('Cache-Control', 'no-store');
    return this.mfa.enable(ctx, dto.code);
  }

  @Post('recovery-codes')
  @HttpCode(200)
  @Allow('auth.mfa')
  @ApiOperation({ summary: 'New recovery codes (needs your password); the old ones stop working' })
  @ApiOkResponse({ type: RecoveryCodesDto })
  @ApiBadRequestResponse({ description: 'Wrong password' })
  @ApiConflictResponse({ description: 'Two-step verification is not on' })
  regenerate(
    @Ctx() ctx: RequestContext,
    @Body() dto: MfaPasswordDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RecoveryCodesDto> {
    res.setHeader('Cache-Control', 'no-store');
    return this.mfa.regenerateRecoveryCodes(ctx, dto.password);
  }

  @Post('disable')
  @HttpCode(204)
  @Allow('auth.mfa')
  @ApiOperation({ summary: 'Turn it off (needs your password); managers and admins cannot (403)' })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ description: 'Wrong password' })
  async disable(@Ctx() ctx: RequestContext, @Body() dto: MfaPasswordDto): Promise<void> {
    await this.mfa.disable(ctx, dto.password);
  }
}

/** Admins reset an account's two-step verification when its phone and recovery codes are lost. */
@ApiTags('users')
@Controller('users')
export class UserMfaController {
  constructor(private readonly mfa: MfaService) {}

  @Delete(':id/mfa')
  @HttpCode(204)
  @Allow('users.mfaReset')
  @ApiOperation({
    summary:
      'Reset an account’s two-step verification (admins): its sessions end; it enrols again at next sign-in',
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The account has no two-step verification (nothing to reset)' })
  async reset(@Ctx() ctx: RequestContext, @IdParam() id: string): Promise<void> {
    await this.mfa.reset(ctx, id);
  }
}
