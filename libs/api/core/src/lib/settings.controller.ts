import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ClientSettingsDto } from '@bt/contracts';
import { APP_CONFIG, type AppConfig } from './app-config';
import { Public } from './public.decorator';

/** What a client needs to know of this server's configuration, e.g. to tell users the upload limit before they upload. */
@ApiTags('health')
@Public()
@Controller('settings')
export class SettingsController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  settings(): ClientSettingsDto {
    return { uploadLimitBytes: this.config.uploadLimitBytes };
  }
}
