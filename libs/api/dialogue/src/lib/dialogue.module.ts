import { Module, type OnModuleInit } from '@nestjs/common';
import { InboxRegistry } from '@bt/api/inbox';
import { ConsiderationService } from './consideration.service';
import { DialogueDemoService } from './dialogue-demo.service';
import { DialogueInboxSource } from './dialogue-inbox.source';
import { ProposalsController } from './proposals.controller';
import { ProposalsService } from './proposals.service';

/** The civil-society dialogue: proposals, comments, answers, moderation, the consideration figures and their inbox entries. */
@Module({
  controllers: [ProposalsController],
  providers: [ProposalsService, ConsiderationService, DialogueInboxSource, DialogueDemoService],
  exports: [ProposalsService, ConsiderationService, DialogueDemoService],
})
export class DialogueModule implements OnModuleInit {
  constructor(
    private readonly inbox: InboxRegistry,
    private readonly source: DialogueInboxSource,
  ) {}

  onModuleInit(): void {
    this.inbox.register(this.source);
  }
}
