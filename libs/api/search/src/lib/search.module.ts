import { Module } from '@nestjs/common';
import { SearchController } from './search.controller';
import { SearchService } from './search.service';

/** Search reads the other domains' tables with their visibility rules; it owns no data. */
@Module({ controllers: [SearchController], providers: [SearchService] })
export class SearchModule {}
