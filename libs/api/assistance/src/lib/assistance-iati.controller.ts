import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiUploadRefusals, CostlyRequest, Public, refuse, uuidParam } from '@bt/api/core';
import { attachmentDisposition, uploadedFile } from '@bt/api/files';
import { Actor, CurrentViewer, type Viewer } from '@bt/api/identity';
import { IatiExportQuery, type IatiImportResultDto } from '@bt/contracts';
import { type IatiFile, AssistanceIatiService } from './assistance-iati.service';

const uuid = uuidParam();
const XML = 'application/xml';
const FILE = {
  description: 'An `iati-activities` file, IATI version 2.03, one `iati-activity` per project (docs/assistance.md: the mapping).',
  content: { [XML]: { schema: { type: 'string', format: 'binary' } } },
};

async function sendXml(reply: FastifyReply, file: IatiFile): Promise<void> {
  await reply
    .header('Content-Type', `${XML}; charset=utf-8`)
    .header('Content-Disposition', attachmentDisposition(file.fileName))
    .header('X-Content-Type-Options', 'nosniff')
    .header('X-IATI-Omitted', String(file.omitted))
    .send(file.xml);
}

@ApiTags('assistance')
@Controller('projects')
export class AssistanceIatiController {
  constructor(private readonly iati: AssistanceIatiService) {}

  /**
   * The projects of a country as an IATI 2.03 activities file, public like the projects. A project
   * lacking what 2.03 requires (a date, a participating organisation, a reporting organisation) is
   * left out and named in a comment of the file; `X-IATI-Omitted` says how many.
   */
  @Public()
  @CostlyRequest('report')
  @Get('iati')
  @ApiProduces(XML)
  @ApiOkResponse(FILE)
  @ApiBadRequestResponse({ description: 'No or a malformed `country`, or `reportingOrg` without `reportingOrgType` (or the reverse).' })
  @ApiNotFoundResponse({ description: 'The country has no project.' })
  @ApiUnprocessableEntityResponse({
    description: 'No project of the country is fit for IATI 2.03: `errors` lists each problem (`activity`: the project id, `element`, `code`).',
  })
  async exportCountry(@Query() query: IatiExportQuery, @CurrentViewer() viewer: Viewer | null, @Res() reply: FastifyReply): Promise<void> {
    if (!query.country)
      throw refuse.badRequest('request.invalid-fields', { fields: 'country', details: 'country must be a two-letter upper-case code such as RS' });
    await sendXml(reply, await this.iati.exportCountry(viewer, query.country, query));
  }

  /** One project as an IATI 2.03 activities file, public. */
  @Public()
  @CostlyRequest('report')
  @Get(':id/iati')
  @ApiProduces(XML)
  @ApiOkResponse(FILE)
  @ApiBadRequestResponse({ description: '`reportingOrg` without `reportingOrgType` (or the reverse).' })
  @ApiNotFoundResponse({ description: 'No such project.' })
  @ApiUnprocessableEntityResponse({ description: 'The project lacks what IATI 2.03 requires: `errors` lists each problem by element.' })
  async exportOne(
    @Param('id', uuid) id: string,
    @Query() query: IatiExportQuery,
    @CurrentViewer() viewer: Viewer | null,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendXml(reply, await this.iati.exportOne(viewer, id, query));
  }

  /**
   * Imports a donor's IATI activities file (multipart field `file`; versions 2.01–2.03). A DOCTYPE
   * or entity declaration is refused before the file is parsed. Each activity updates the project
   * with its `iati-identifier` or creates one, under the write rules of projects; links to
   * benchmarks, beneficiaries and results are kept. All or nothing: any problem → 422
   * `{ message, errors: [{ activity, element, code, params, message }] }` and nothing is written.
   */
  @CostlyRequest('import')
  @Post('iati')
  @ApiConsumes('multipart/form-data')
  @ApiUploadRefusals()
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary', description: 'The IATI activities XML file.' } } } })
  @ApiCreatedResponse({ description: 'What was imported (201, as for any POST here): activities, created, updated, and each project written.' })
  @ApiUnauthorizedResponse({ description: 'Not signed in.' })
  @ApiForbiddenResponse({
    description: 'An activity is of a project the caller does not write (another country, a CSO not implementing it): nothing is written.',
  })
  @ApiUnprocessableEntityResponse({
    description: 'A DOCTYPE or entity, a file that is not well-formed or not IATI activities, or problems per activity and element; nothing is written.',
  })
  async import(@Actor() actor: Actor, @Req() request: FastifyRequest): Promise<IatiImportResultDto> {
    return this.iati.import(actor, await uploadedFile(request));
  }
}
