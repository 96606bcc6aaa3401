import { Module } from '@nestjs/common';
import { LiveChanges } from './live-changes';
import { LiveController } from './live.controller';

/** Live pages: committed changes announced to the browsers over server-sent events. */
@Module({ controllers: [LiveController], providers: [LiveChanges], exports: [LiveChanges] })
export class LiveModule {}
