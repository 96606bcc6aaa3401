import type { TaskDto } from '@bt/contracts';
import { task } from '../testing/task-fixtures';
import { groupTasks } from './task-groups';

const summary = (tasks: TaskDto[]) => groupTasks(tasks).map((group) => [group.title, group.tasks.map((t) => t.benchmark.code)]);

describe('groupTasks', () => {
  it("groups a coordinator's drafts: changes requested first, then drafts to submit, in the API's order", () => {
    expect(summary([task('submit', 'RS-24-MIG-01'), task('revise', 'RS-24-MIG-02'), task('submit', 'RS-24-ASY-01'), task('revise', 'RS-24-DRG-03')])).toEqual([
      ['Changes requested', ['RS-24-MIG-02', 'RS-24-DRG-03']],
      ['Drafts to submit', ['RS-24-MIG-01', 'RS-24-ASY-01']],
    ]);
  });

  it('names what awaits the Commission, an expert and the ministry', () => {
    expect(summary([task('report', 'RS-24-MIG-02'), task('review', 'RS-24-ASY-03'), task('answer_proposals', 'RS-24-TRA-01')])).toEqual([
      ['Proposals to answer', ['RS-24-TRA-01']],
      ['Submissions to review', ['RS-24-ASY-03']],
      ['Missions to report', ['RS-24-MIG-02']],
    ]);
  });

  it('says what each group asks of the user', () => {
    const [review] = groupTasks([task('review', 'RS-24-ASY-03')]);
    expect(review.description).toBe("Submitted benchmarks, and peer reviews whose mission has reported, waiting for the Commission's decision.");
  });

  it('has no groups without tasks', () => {
    expect(groupTasks([])).toEqual([]);
  });

  it('still shows a kind of task it does not know yet, last', () => {
    const unknown = { ...task('review', 'RS-24-POL-01'), kind: 'sign_off' } as unknown as TaskDto;
    expect(summary([unknown, task('review', 'RS-24-ASY-03')])).toEqual([
      ['Submissions to review', ['RS-24-ASY-03']],
      ['Other tasks', ['RS-24-POL-01']],
    ]);
  });
});
