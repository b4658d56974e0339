/**
 * The publishers, and the one loop that runs them: each in its own collapsible group of the job
 * log, in the order given. A publisher that throws (a file that cannot be written) fails the step
 * after the others have had their turn, like any other hard publishing error.
 */
import type { Report } from '../../core/types.js';
import type { PublishContext, Publisher } from './types.js';

export { artifactsPublisher } from './artifacts.js';
export { annotationsPublisher } from './annotations.js';
export { checkRunPublisher, conclusionOf } from './check-run.js';
export { codeScanningPublisher } from './code-scanning.js';
export { commentPublisher } from './comment.js';
export { summaryPublisher } from './summary.js';
export type { PublishContext, PublishState, PublishTarget, Publisher } from './types.js';

export async function publishAll(report: Report, ctx: PublishContext, publishers: readonly Publisher[]): Promise<void> {
  for (const p of publishers) {
    await ctx.log.group(p.name, async () => {
      try {
        await p.publish(report, ctx);
      } catch (e) {
        const msg = `${p.name}: ${e instanceof Error ? e.message : String(e)}`;
        ctx.log.error(msg);
        ctx.state.hard.push(msg);
      }
    });
  }
}
