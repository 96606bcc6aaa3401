import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import {
  ApiExceptionFilter,
  type AppConfig,
  configureBodyParsing,
  configureCompression,
  configureGracefulClose,
  configureRateLimits,
  configureRequestLog,
  configureSecurityHeaders,
  configureUploads,
  createLogger,
  createValidationPipe,
  documentRefusals,
  type LogSettings,
  loggerModule,
  readLogSettings,
  requestIdOf,
  WebApp,
} from '@bt/api/core';
import { CatalogueImportService } from '@bt/api/catalogue';
import { ConsultationSeedService } from '@bt/api/consultations';
import { configureIdentityHttp, DemoAccountsService, SESSION_COOKIE } from '@bt/api/identity';
import { ActionPlanDemoService } from '@bt/api/action-plan';
import { AssistanceDemoService } from '@bt/api/assistance';
import { TrackRecordsDemoService } from '@bt/api/track-records';
import { EvidenceDemoService } from '@bt/api/evidence';
import { DialogueDemoService } from '@bt/api/dialogue';
import { AssessmentsDemoService } from '@bt/api/assessments';
import { BenchmarkWorkflowDemoService } from '@bt/api/benchmarks';
import { NotificationsModule } from '@bt/api/notifications';
import { AppModule } from './app.module';

/** The whole API, ready to listen: used by main.ts and by the integration tests alike. */
export async function createApp(config: AppConfig, options: { logger?: false; log?: LogSettings } = {}): Promise<NestFastifyApplication> {
  // LOG_LEVEL and LOG_FORMAT; `logger: false` (the tests) logs nothing, `log` sends the lines where a test reads them.
  const logger = createLogger(options.log ?? (options.logger === false ? { level: 'silent', format: 'json' } : readLogSettings()));
  const appModule = AppModule.forConfig(config);
  const app = await NestFactory.create<NestFastifyApplication>(
    { ...appModule, imports: [...(appModule.imports ?? []), loggerModule(logger)] },
    // The request's id: the caller's X-Request-Id when well-formed. Fastify's own logger stays off: the request line is configureRequestLog's.
    new FastifyAdapter({ bodyLimit: 1024 * 1024, trustProxy: config.trustProxy, genReqId: requestIdOf }),
    // Body parsing is configureBodyParsing's: JSON only, bounded in size and depth. Nest logs through pino once it is up.
    { bodyParser: false, bufferLogs: true },
  );
  app.useLogger(app.get(PinoNestLogger));
  // Nest flushes the buffered start-up lines only at listen(): an app that never listens (a test, a worker) kept
  // its buffer attached, and every later Nest log line of the process went into it, never written.
  app.flushLogs();
  configureRequestLog(app.getHttpAdapter().getInstance(), logger);
  configureGracefulClose(app.getHttpAdapter().getInstance());
  configureBodyParsing(app.getHttpAdapter().getInstance());
  await configureSecurityHeaders(app.getHttpAdapter().getInstance());
  await configureCompression(app.getHttpAdapter().getInstance());
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  await configureIdentityHttp(app);
  await configureRateLimits(app.getHttpAdapter().getInstance(), { enabled: config.rateLimits, sessionCookie: SESSION_COOKIE, dataSource: app.get(DataSource) });
  await configureUploads(app.getHttpAdapter().getInstance(), { fileSizeLimit: config.uploadLimitBytes, idleSeconds: config.uploadIdleSeconds });
  const webApp = await WebApp.register(app.getHttpAdapter().getInstance(), config.webDir, { sessionCookie: SESSION_COOKIE });
  app.useGlobalFilters(new ApiExceptionFilter(webApp));

  // Public in demo mode; in production only when API_DOCS=true (it maps every route for a visitor).
  if (config.apiDocs) {
    // Every refusal answers the one error body (ErrorBody): a stable code of REFUSALS, its parameters, the English message.
    // Built on its first request, then kept: most starts (every test file's) never read it, and building it cost about 0.1 s of CPU.
    const document = () =>
      documentRefusals(
        SwaggerModule.createDocument(
          app,
          new DocumentBuilder()
            .setTitle('Benchmark Tracker API')
            .setDescription(
              'EU accession interim benchmarks: catalogue, workflow, evidence, dialogue and assessments. A refused request answers 4xx with `{ statusCode, error, code, params, message }` (the schema ErrorBody): `code` is stable and says what the refusal means, `params` the values its wording names, `message` the wording in English.',
            )
            .setVersion('0.1.0')
            .addCookieAuth('bt_session')
            .build(),
        ),
      );
    SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  }

  // The catalogue is real, public data: every start brings it in line with seeds/ (idempotent).
  await app.get(CatalogueImportService).importSeeds(config.seedsDir);
  // Demo mode (any local run): the demo accounts of docs/design.md on an empty database. Never in production.
  if (!config.production) await app.get(DemoAccountsService).seedIfEmpty(config.seedsDir);
  // Demo mode: the 2020 written consultation of the Western Balkan partners (seeds/consultations), published.
  if (!config.production) await app.get(ConsultationSeedService).seedIfEmpty(config.seedsDir);
  if (!config.production) await app.get(TrackRecordsDemoService).seedIfEmpty(config.seedsDir);
  if (!config.production) await app.get(ActionPlanDemoService).seedIfEmpty(config.seedsDir);
  // Demo mode: the assistance projects of seeds/sources/002–004 and the benchmarks they support.
  if (!config.production) await app.get(AssistanceDemoService).seedIfEmpty(config.seedsDir);
  // Demo mode: evidence, the civil-society dialogue on it and the three assessment voices, so the overview, the
  // consideration figures and the dialogue tab show something. Evidence first: proposals are anchored on it.
  if (!config.production) await app.get(EvidenceDemoService).seedIfEmpty(config.seedsDir);
  if (!config.production) await app.get(DialogueDemoService).seedIfEmpty(config.seedsDir);
  if (!config.production) await app.get(AssessmentsDemoService).seedIfEmpty(config.seedsDir);
  // Last: the workflow's steps read the evidence and answers above, and ACCEPT records the Commission's voice.
  if (!config.production) await app.get(BenchmarkWorkflowDemoService).seedIfEmpty(config.seedsDir);
  // Notifications tell what happens from here on (the first start: after the demo content, which is history).
  await app.get(NotificationsModule).start();
  return app;
}
