import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type InboxDto, MarkInboxReadRequest } from '@bt/contracts';
import { Actor, CurrentViewer, type Viewer } from '@bt/api/identity';
import { InboxService } from './inbox.service';

@ApiTags('inbox')
@Controller('inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  /** The caller's inbox: answers, unanswered items and deadlines from every domain, unread first. */
  @Get()
  list(@CurrentViewer() viewer: Viewer): Promise<InboxDto> {
    return this.inbox.inbox(viewer);
  }

  /** Marks items as read (by their keys). */
  @Post('read')
  @HttpCode(204)
  async read(@Body() body: MarkInboxReadRequest, @Actor() actor: Actor): Promise<void> {
    await this.inbox.markRead(actor, body.keys);
  }

  /** Marks every item of the caller's inbox as read (also those past the first 50). */
  @Post('read-all')
  @HttpCode(204)
  async readAll(@Actor() actor: Actor): Promise<void> {
    await this.inbox.markAllRead(actor);
  }
}
