import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { type NotificationPreferencesDto, UpdateNotificationPreferencesRequest } from '@bt/contracts';
import { Actor, CurrentViewer, type Viewer } from '@bt/api/identity';
import { NotificationPreferences } from './notification-preferences';

/** The signed-in person's choice, per kind of notification, of e-mail at once, a daily digest or the inbox only. */
@ApiTags('notifications')
@ApiUnauthorizedResponse({ description: 'Not signed in.' })
@Controller('notifications/preferences')
export class NotificationPreferencesController {
  constructor(private readonly preferences: NotificationPreferences) {}

  /** Every kind of notification, as it reaches the caller: their choice, or their roles' default (`chosen` false). */
  @Get()
  @ApiOkResponse({ description: 'Every kind, with its delivery.' })
  async list(@CurrentViewer() viewer: Viewer): Promise<NotificationPreferencesDto> {
    return { preferences: await this.preferences.of(viewer) };
  }

  /** Chooses the delivery of the kinds given (the others keep theirs); audited. Answers every kind as it is now. */
  @Put()
  @ApiOkResponse({ description: 'Every kind, with its delivery, after the change.' })
  @ApiBadRequestResponse({ description: 'An unknown kind or delivery, or a kind given twice (notification.preference-kind-repeated).' })
  async choose(@Body() body: UpdateNotificationPreferencesRequest, @Actor() actor: Actor): Promise<NotificationPreferencesDto> {
    return { preferences: await this.preferences.choose(actor, body.preferences) };
  }
}
