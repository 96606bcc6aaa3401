/**
 * @jest-environment node
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The web app downloads a Material Icons font cut to the icons its templates use
 * (tools/icons/icon-font.mjs, run before each build). An icon missing from the cut would show as its
 * name in letters ("upload_file"), so: every <mat-icon> of the templates must name its icon in a way
 * the script reads, and every name must draw as one icon glyph with the cut font, as HarfBuzz —
 * Chromium's own shaper — lays it out.
 */
describe('the icon font cut to the icons in use', () => {
  const root = join(__dirname, '../../..');
  const run = spawnSync(process.execPath, [join(root, 'tools/icons/icon-font.mjs'), '--check', '--also=pets,settings'], { cwd: root, encoding: 'utf8' });
  const report = run.status === 0 ? JSON.parse(run.stdout) : null;

  it('reads the icon name of every <mat-icon> in the templates', () => {
    expect(run.stderr).toBe('');
    expect(report.unreadable).toEqual([]);
    expect(report.tags).toBeGreaterThan(60);
    // Static names, names from a ternary of literals, and names from maps (workflow steps, support).
    expect(report.names).toEqual(
      expect.arrayContaining(['checklist', 'upload_file', 'trending_up', 'trending_flat', 'radio_button_checked', 'send', 'check_circle']),
    );
  });

  it('draws every name in use as an icon, and is a small fraction of the whole font', () => {
    expect(report.missing).toEqual([]);
    expect(report.notDrawn).toEqual([]);
    expect(report.bytes).toBeLessThan(report.wholeBytes / 10);
  });

  it('leaves out the icons no template uses: they would show as letters', () => {
    expect(report.also).toEqual({ pets: false, settings: false });
  });
});
