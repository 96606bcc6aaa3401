import { Module, type OnModuleInit } from '@nestjs/common';
import { FilesModule } from '@bt/api/files';
import { InboxRegistry } from '@bt/api/inbox';
import { MissionReminders } from './mission-reminders';
import { MissionsController } from './missions.controller';
import { MissionAgendaService } from './mission-agenda.service';
import { MissionDocumentsService } from './mission-documents.service';
import { MissionPlanningService } from './mission-planning.service';
import { MissionRecommendationsService } from './mission-recommendations.service';
import { MissionsService } from './missions.service';

@Module({
  imports: [FilesModule],
  controllers: [MissionsController],
  providers: [MissionsService, MissionPlanningService, MissionDocumentsService, MissionAgendaService, MissionRecommendationsService, MissionReminders],
  exports: [MissionsService, MissionPlanningService, MissionRecommendationsService],
})
export class MissionsModule implements OnModuleInit {
  constructor(
    private readonly inbox: InboxRegistry,
    private readonly reminders: MissionReminders,
  ) {}

  onModuleInit(): void {
    this.inbox.register(this.reminders);
  }
}
