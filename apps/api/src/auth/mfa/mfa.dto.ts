import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class MfaStatusDto {
  @ApiProperty({ description: 'Two-step verification is on for this account' }) enabled: boolean;
  @ApiProperty({ description: 'The account has a role that must use it (managers and admins)' })
  required: boolean;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When it is required but not on: until when the account may work without it (null: now)',
  })
  enrolBy: string | null;
  @ApiProperty({ description: 'Unused recovery codes left (0 when off)' }) recoveryCodesRemaining: number;
}

export class MfaSetupDto {
  @ApiProperty({ description: 'The new secret, base32, for typing into an authenticator app by hand' })
  secret: string;
  @ApiProperty({ description: 'otpauth:// URI to show as a QR code' }) otpauthUri: string;
}

export class MfaCodeDto {
  @ApiProperty({ example: '123456', description: 'The 6-digit code the authenticator app shows now' })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'must be the 6 digits your authenticator app shows' })
  code: string;
}

export class MfaPasswordDto {
  @ApiProperty({ format: 'password', description: 'Your current password, to confirm it is you' })
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(512)
  password: string;
}

export class RecoveryCodesDto {
  @ApiProperty({
    type: [String],
    description: 'Ten single-use recovery codes, shown this once only; each signs in once in place of a code',
  })
  recoveryCodes: string[];
}
