import { Module } from '@nestjs/common';
import { FilesModule } from '@bt/api/files';
import { EvidenceController } from './evidence.controller';
import { EvidenceService } from './evidence.service';

@Module({ imports: [FilesModule], controllers: [EvidenceController], providers: [EvidenceService], exports: [EvidenceService] })
export class EvidenceModule {}
