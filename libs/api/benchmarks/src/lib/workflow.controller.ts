import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiForbiddenResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { BenchmarkRefPipe } from '@bt/api/catalogue';
import { type HistoryEventDto, type TaskDto, TransitionRequest, type TransitionResultDto } from '@bt/contracts';
import { Actor, CurrentViewer, type Viewer } from '@bt/api/identity';
import { BenchmarkHistoryService } from './benchmark-history.service';
import { BenchmarkTasksService } from './benchmark-tasks.service';
import { BenchmarkWorkflowService } from './benchmark-workflow.service';

@ApiTags('workflow')
@Controller()
export class WorkflowController {
  constructor(
    private readonly workflow: BenchmarkWorkflowService,
    private readonly histories: BenchmarkHistoryService,
    private readonly taskLists: BenchmarkTasksService,
  ) {}

  /** Fires a workflow event: `{event, version, ...payload}`. */
  @Post('benchmarks/:id/transitions')
  @HttpCode(200)
  @ApiForbiddenResponse({ description: 'Not this caller’s event.' })
  @ApiConflictResponse({ description: 'Stale version, or the event is not possible in this state.' })
  @ApiUnprocessableEntityResponse({ description: 'A guard failed; the message names the unmet condition.' })
  transition(@Param('id', BenchmarkRefPipe) id: string, @Body() body: TransitionRequest, @Actor() actor: Actor): Promise<TransitionResultDto> {
    return this.workflow.transition(actor, id, body);
  }

  /** The benchmark's history (its audit events), oldest first. */
  @Get('benchmarks/:id/history')
  history(@Param('id', BenchmarkRefPipe) id: string, @CurrentViewer() viewer: Viewer): Promise<HistoryEventDto[]> {
    return this.histories.history(viewer, id);
  }

  /** What awaits the signed-in user. */
  @Get('tasks')
  tasks(@CurrentViewer() viewer: Viewer): Promise<TaskDto[]> {
    return this.taskLists.tasks(viewer);
  }
}
