import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueImportService } from './catalogue-import.service';
import { CATALOGUE_ENTITIES } from './index';

/** The catalogue's tables and its import; every domain that hangs off a benchmark builds on it. */
@Module({
  imports: [TypeOrmModule.forFeature(CATALOGUE_ENTITIES)],
  providers: [CatalogueImportService],
  exports: [TypeOrmModule, CatalogueImportService],
})
export class CatalogueModule {}
