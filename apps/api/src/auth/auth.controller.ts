import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppException } from '../common/app.exception';
import { Ctx, Me, type CurrentUser, type RequestContext } from '../common/request-context';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Allow, Public } from './access.decorators';
import { AuthService, toMe, type IssuedSession } from './auth.service';
import { ChangePasswordDto, LoginDto, MeDto, SessionListDto, TokenDto } from './dto/auth.dto';
import { IdParam } from '../common/id-param';

export const REFRESH_COOKIE = 'beacon_refresh';
/** Over HTTPS the cookie carries the `__Secure-` prefix, so browsers refuse it from plain HTTP (ASVS 3.3.3). */
export const refreshCookieName = (secure: boolean) =>
  secure ? `__Secure-${REFRESH_COOKIE}` : REFRESH_COOKIE;
const COOKIE_PATH = '/api/auth';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in; sets the refresh cookie' })
  @ApiOkResponse({ type: TokenDto })
  @ApiUnauthorizedResponse({
    description:
      'Wrong email or password (no hint which); or, after a right password, `mfa-required` (send `code` or `recoveryCode`) or `mfa-invalid`',
  })
  @ApiTooManyRequestsResponse({ description: 'Too many failures from this address; see Retry-After' })
  async login(
    @Ctx() ctx: RequestContext,
    @Body() dto: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TokenDto> {
    this.assertSameOrigin(req);
    const session = await this.auth.login(ctx, dto, req.header('user-agent') ?? null);
    return this.answer(res, session);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiCookieAuth(REFRESH_COOKIE)
  @ApiOperation({ summary: 'New access token from the refresh cookie, which is rotated' })
  @ApiOkResponse({ type: TokenDto })
  @ApiUnauthorizedResponse({
    description: 'No, expired, revoked or reused refresh token (reuse revokes the whole session)',
  })
  async refresh(
    @Ctx() ctx: RequestContext,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TokenDto> {
    this.assertSameOrigin(req);
    try {
      const session = await this.auth.refresh(ctx, this.cookie(req), req.header('user-agent') ?? null);
      return this.answer(res, session);
    } catch (error) {
      this.clearCookie(res);
      throw error;
    }
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiCookieAuth(REFRESH_COOKIE)
  @ApiOperation({ summary: 'End this session: revokes its refresh tokens and its access tokens' })
  @ApiNoContentResponse()
  async logout(
    @Ctx() ctx: RequestContext,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    this.assertSameOrigin(req);
    await this.auth.logout(ctx, this.cookie(req));
    this.clearCookie(res);
  }

  @Post('password')
  @HttpCode(204)
  @Allow('auth.password')
  @ApiOperation({
    summary: 'Change your password (needs the current one); your other sessions end',
  })
  @ApiNoContentResponse()
  async changePassword(@Ctx() ctx: RequestContext, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(ctx, dto.currentPassword, dto.newPassword);
  }

  @Get('sessions')
  @Allow('auth.sessions')
  @ApiOperation({ summary: 'Your signed-in sessions (devices), newest first' })
  @ApiOkResponse({ type: SessionListDto })
  sessions(@Me() user: CurrentUser): Promise<SessionListDto> {
    return this.auth.sessions(user.id, user.sessionId);
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @Allow('auth.sessions')
  @ApiOperation({ summary: 'Sign out one of your sessions (e.g. a lost tablet)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  async revokeSession(
    @Ctx() ctx: RequestContext,
    @Me() user: CurrentUser,
    @IdParam() id: string,
  ): Promise<void> {
    await this.auth.revokeSession(ctx, user.id, id);
  }

  @Get('me')
  @Allow('auth.me')
  @ApiOkResponse({ type: MeDto })
  me(@Me() user: CurrentUser): MeDto {
    return toMe(user);
  }

  private answer(res: Response, session: IssuedSession): TokenDto {
    res.cookie(refreshCookieName(this.config.auth.cookieSecure), session.refreshToken, {
      httpOnly: true,
      secure: this.config.auth.cookieSecure,
      sameSite: 'strict',
      path: COOKIE_PATH,
      expires: session.refreshExpiresAt,
    });
    res.setHeader('Cache-Control', 'no-store');
    return session.token;
  }

  private clearCookie(res: Response) {
    res.clearCookie(refreshCookieName(this.config.auth.cookieSecure), {
      httpOnly: true,
      secure: this.config.auth.cookieSecure,
      sameSite: 'strict',
      path: COOKIE_PATH,
    });
  }

  private cookie(req: Request): string | undefined {
    const value = (req.cookies as Record<string, unknown> | undefined)?.[
      refreshCookieName(this.config.auth.cookieSecure)
    ];
    return typeof value === 'string' && value.length > 0 && value.length < 200 ? value : undefined;
  }

  /**
   * CSRF defence for the routes that act on the refresh cookie, on top of SameSite=Strict: a
   * browser request must come from this origin or one named in APP_ORIGIN. Browsers send Origin
   * on every POST; Sec-Fetch-Site, where sent, must not say cross-site. A request with neither
   * header is not from a browser, so there is no ambient cookie to abuse.
   */
  private assertSameOrigin(req: Request) {
    const refuse = () => new AppException(403, 'cross-origin', 'Requests from another site are refused.');
    const origin = req.header('origin');
    const allowed = origin !== undefined && this.config.http.appOrigins.includes(origin);
    if (req.header('sec-fetch-site') === 'cross-site' && !allowed) throw refuse();
    if (origin === undefined || allowed) return;
    // Host, not X-Forwarded-Host: nginx sets Host itself, while a forwarded header may come from the client.
    const host = req.header('host');
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (!host || originHost !== host) throw refuse();
  }
}
