import { Module } from '@nestjs/common';
import { FilesModule } from '@bt/api/files';
import { EvidenceController } from './evidence.controller';
import { EvidenceDemoService } from './evidence-demo.service';
import { EvidenceDraftingService } from './evidence-drafting.service';
import { EvidenceFilesService } from './evidence-files.service';
import { EvidenceService } from './evidence.service';

@Module({
  imports: [FilesModule],
  controllers: [EvidenceController],
  providers: [EvidenceService, EvidenceDraftingService, EvidenceFilesService, EvidenceDemoService],
  exports: [EvidenceService, EvidenceDemoService],
})
export class EvidenceModule {}
