import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@bt/api/core';
import { FILE_STORAGE, fileStorageFor } from './file-storage';
import { FileLeftovers } from './file-leftovers';
import { FilesService } from './files.service';

@Module({
  providers: [{ provide: FILE_STORAGE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => fileStorageFor(config) }, FilesService, FileLeftovers],
  exports: [FilesService, FileLeftovers],
})
export class FilesModule {}
