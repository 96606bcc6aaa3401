import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNoContentResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { type RecoveryCodesDto, SecondFactorCodeRequest, type SecondFactorStatusDto, type TotpEnrolmentDto } from '@bt/contracts';
import { CurrentViewer, SecondFactorSetup } from '../decorators';
import { Actor } from '../actor';
import type { Viewer } from '../viewer';
import { SecondFactorService } from './second-factor.service';

/** The signed-in user's own second factor (TOTP): set up, new recovery codes, switch off. */
@ApiTags('auth')
@SecondFactorSetup()
@Controller('auth/second-factor')
export class SecondFactorController {
  constructor(private readonly secondFactor: SecondFactorService) {}

  @Get()
  status(@CurrentViewer() viewer: Viewer): Promise<SecondFactorStatusDto> {
    return this.secondFactor.status(viewer);
  }

  /** Begins setting up an authenticator app: a new secret as a QR code and as text (not on until confirmed). */
  @Post('enrolment')
  @HttpCode(200)
  begin(@Actor() actor: Actor): Promise<TotpEnrolmentDto> {
    return this.secondFactor.beginEnrolment(actor);
  }

  /** Confirms the set-up with the app's current code: on, and ten recovery codes answered once. */
  @Post('enrolment/confirmation')
  @HttpCode(200)
  @ApiUnprocessableEntityResponse({ description: 'Not the code the app shows now (counted by the sign-in throttle).' })
  @ApiConflictResponse({ description: 'No set-up in progress.' })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong codes or passwords for this account; see Retry-After.' })
  confirm(@Body() body: SecondFactorCodeRequest, @Actor() actor: Actor): Promise<RecoveryCodesDto> {
    return this.secondFactor.confirmEnrolment(actor, body.code);
  }

  /** Ten new recovery codes in place of the old ones; needs the app's current code. */
  @Post('recovery-codes')
  @HttpCode(200)
  @ApiUnprocessableEntityResponse({ description: 'A wrong code (counted by the sign-in throttle).' })
  @ApiConflictResponse({ description: 'Two-step sign-in is not set up.' })
  renew(@Body() body: SecondFactorCodeRequest, @Actor() actor: Actor): Promise<RecoveryCodesDto> {
    return this.secondFactor.renewRecoveryCodes(actor, body.code);
  }

  /** Switches two-step sign-in off, with the app's code or a recovery code. */
  @Post('removal')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiUnprocessableEntityResponse({ description: 'A wrong code (counted by the sign-in throttle).' })
  @ApiConflictResponse({ description: 'Not set up, or required for this role by the identity settings.' })
  async remove(@Body() body: SecondFactorCodeRequest, @Actor() actor: Actor): Promise<void> {
    await this.secondFactor.remove(actor, body.code);
  }
}
