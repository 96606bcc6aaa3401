import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from './public.decorator';
import { databaseAnswers } from './database-watch';
import { refuse } from './refusal';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** Ok while the database answers (kept for existing monitors: the same as ready). */
  @Get()
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  @ApiServiceUnavailableResponse({ description: 'The database does not answer.' })
  async health(): Promise<{ status: 'ok' }> {
    try {
      await this.dataSource.query('SELECT 1');
      return { status: 'ok' };
    } catch {
      throw refuse.unavailable('server.database-unavailable');
    }
  }

  /** Liveness: the process serves HTTP. Never asks the database, so a database outage does not get a healthy API restarted in a loop. */
  @Get('live')
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Readiness: send it traffic. The app listens only once its migrations have run, so this is the
   * database answering within 2 s; 503 while it does not (a load balancer takes the instance out).
   */
  @Get('ready')
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  @ApiServiceUnavailableResponse({ description: 'The database does not answer within 2 s.' })
  async ready(): Promise<{ status: 'ok' }> {
    if (await databaseAnswers(this.dataSource)) return { status: 'ok' };
    throw refuse.unavailable('server.database-unavailable');
  }
}
