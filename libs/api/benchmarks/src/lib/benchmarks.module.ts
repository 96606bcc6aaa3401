import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BenchmarksController } from './benchmarks.controller';
import { BenchmarksService } from './benchmarks.service';
import { CATALOGUE_ENTITIES } from './catalogue';
import { CatalogueImportService } from './catalogue/catalogue-import.service';

@Module({
  imports: [TypeOrmModule.forFeature(CATALOGUE_ENTITIES)],
  controllers: [BenchmarksController],
  providers: [BenchmarksService, CatalogueImportService],
  exports: [BenchmarksService, CatalogueImportService],
})
export class BenchmarksModule {}
