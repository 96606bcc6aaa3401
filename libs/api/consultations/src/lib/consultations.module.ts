import { Module, type OnModuleInit } from '@nestjs/common';
import { FilesModule } from '@bt/api/files';
import { IdentityModule } from '@bt/api/identity';
import { InboxRegistry } from '@bt/api/inbox';
import { ConsultationReminders } from './consultation-reminders';
import { ConsultationSeedService } from './consultation-seed.service';
import { ConsultationsController } from './consultations.controller';
import { ConsultationDraftingService } from './consultation-drafting.service';
import { ConsultationRepliesService } from './consultation-replies.service';
import { ConsultationSummariesService } from './consultation-summaries.service';
import { ConsultationsService } from './consultations.service';

/** Written consultations of the partners, with their reminders in the inbox. */
@Module({
  imports: [FilesModule, IdentityModule],
  controllers: [ConsultationsController],
  providers: [
    ConsultationsService,
    ConsultationDraftingService,
    ConsultationRepliesService,
    ConsultationSummariesService,
    ConsultationSeedService,
    ConsultationReminders,
  ],
  exports: [ConsultationsService, ConsultationSeedService],
})
export class ConsultationsModule implements OnModuleInit {
  constructor(
    private readonly inbox: InboxRegistry,
    private readonly reminders: ConsultationReminders,
  ) {}

  onModuleInit(): void {
    this.inbox.register(this.reminders);
  }
}
