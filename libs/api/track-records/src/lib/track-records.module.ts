import { Module } from '@nestjs/common';
import { FilesModule } from '@bt/api/files';
import { TrackRecordsController } from './track-records.controller';
import { TrackRecordsDemoService } from './track-records-demo.service';
import { TrackRecordsService } from './track-records.service';

@Module({
  imports: [FilesModule],
  controllers: [TrackRecordsController],
  providers: [TrackRecordsService, TrackRecordsDemoService],
  exports: [TrackRecordsService, TrackRecordsDemoService],
})
export class TrackRecordsModule {}
