import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Public, uuidParam } from '@bt/api/core';
import { Actor, CurrentViewer, type Viewer } from '@bt/api/identity';
import { CreateProjectRequest, type ProjectDto, ProjectListQuery, type ProjectVersionDto, UpdateProjectRequest } from '@bt/contracts';
import { AssistanceEditingService } from './assistance-editing.service';
import { AssistanceService } from './assistance.service';

const uuid = uuidParam();

@ApiTags('assistance')
@Controller('projects')
export class AssistanceController {
  constructor(
    private readonly assistance: AssistanceService,
    private readonly editing: AssistanceEditingService,
  ) {}

  /** Assistance projects, public: filters country, area and benchmark (what they support), funder and implementer (words of a name), IATI status 1–6. */
  @Public()
  @Get()
  @ApiOkResponse({
    description:
      'The projects, by country and title, each with its participants and what it supports (`supports`: benchmark, sub-requirement, activity, and how).',
  })
  @ApiBadRequestResponse({ description: 'A malformed filter.' })
  list(@Query() query: ProjectListQuery, @CurrentViewer() viewer: Viewer | null): Promise<ProjectDto[]> {
    return this.assistance.list(viewer, query);
  }

  /** One project, public. An Action Plan activity it supports is named to readers of the country's Action Plan only. */
  @Public()
  @Get(':id')
  @ApiOkResponse({ description: 'The project; `mayEdit` says whether the caller may change it.' })
  @ApiNotFoundResponse({ description: 'No such project.' })
  get(@Param('id', uuid) id: string, @CurrentViewer() viewer: Viewer | null): Promise<ProjectDto> {
    return this.assistance.get(viewer, id);
  }

  /** The project's versions, newest first: who changed which fields, when; public like the project. */
  @Public()
  @Get(':id/versions')
  @ApiOkResponse({
    description: 'Each version: its number, when, by whom, created or updated (and `via` an IATI import), and the names of the fields it changed.',
  })
  @ApiNotFoundResponse({ description: 'No such project.' })
  versions(@Param('id', uuid) id: string): Promise<ProjectVersionDto[]> {
    return this.assistance.versions(id);
  }

  /** A new project: the ministry of its country, the Commission, an admin, or a CSO naming its own organisation as an implementer. */
  @Post()
  @ApiCreatedResponse({ description: 'The project, version 1.' })
  @ApiForbiddenResponse({ description: 'The caller does not write projects of this country (a CSO: its organisation is not an implementer).' })
  @ApiUnprocessableEntityResponse({
    description:
      'A benchmark of another country, a sub-requirement or activity not of its benchmark, half a budget, an end before the start: nothing is written.',
  })
  @ApiConflictResponse({ description: 'Another project has this IATI identifier.' })
  create(@Body() body: CreateProjectRequest, @Actor() actor: Actor): Promise<ProjectDto> {
    return this.editing.create(actor, body);
  }

  /** The whole project again, at the version the caller saw; 409 when someone changed it since. */
  @Put(':id')
  @ApiOkResponse({ description: 'The project at its next version.' })
  @ApiForbiddenResponse({ description: 'The caller does not write this project.' })
  @ApiNotFoundResponse({ description: 'No such project.' })
  @ApiConflictResponse({ description: '`version` is stale, or another project has this IATI identifier.' })
  @ApiUnprocessableEntityResponse({ description: 'As for a new project; the country of a project does not change.' })
  update(@Param('id', uuid) id: string, @Body() body: UpdateProjectRequest, @Actor() actor: Actor): Promise<ProjectDto> {
    return this.editing.update(actor, id, body);
  }
}
