/** Publisher: the sticky pull-request comment(s), one per (workflow, job, target). */
import { upsertComment, COMMENT_MAX_CHARS } from '../comment.js';
import { renderers } from '../render.js';
import { runUrl } from '../context.js';
import { notRescannedSection } from '../../reporters/not-rescanned.js';
import { blobBase, publishFailed, type Publisher } from './types.js';

/** GitHub's body cap (422 "Body is too long"), less one for safety in the renderer's count. */
export const COMMENT_BODY_MAX_CHARS = COMMENT_MAX_CHARS - 1;

export const commentPublisher: Publisher = {
  name: 'Pull request comment',
  async publish(report, ctx) {
    const { gh, inputs, run, at, log } = ctx;
    const wanted = inputs.comment === 'always' || (inputs.comment === 'auto' && at.prNumber !== undefined);
    if (!gh || !wanted) return;
    if (at.prNumber === undefined) {
      log.warning('comment: always, but this run is not about a pull request; no comment written');
      return;
    }
    const skipped = notRescannedSection(at.notRescanned ?? []);
    for (const c of at.comments ?? [{ target: at.target, report }]) {
      try {
        const marker = renderers.marker({ workflow: run.workflow, job: run.job, target: c.target });
        const body = renderers.comment(c.report, { marker, target: c.target, linkBase: blobBase(ctx), runUrl: runUrl(run), maxChars: COMMENT_BODY_MAX_CHARS - skipped.length }) + skipped;
        const res = await upsertComment(gh, { owner: run.owner, repo: run.repo, issueNumber: at.prNumber }, marker, body);
        ctx.state.commentUrl ??= res.url;
        log.info(`Pull request comment ${res.action}: ${res.url}`);
      } catch (e) {
        publishFailed(ctx, e, inputs.comment === 'always');
      }
    }
  },
};
