import { Global, Module } from '@nestjs/common';
import { InboxController } from './inbox.controller';
import { InboxRegistry } from './inbox-registry';
import { InboxService } from './inbox.service';

/** Global so that each domain module can register its source with the one registry. */
@Global()
@Module({ controllers: [InboxController], providers: [InboxRegistry, InboxService], exports: [InboxRegistry] })
export class InboxModule {}
