/**
 * Code scanning over REST: the SARIF upload (pure logic in src/sarif/upload.ts, this file supplies
 * the API), and the baseline read from the base branch's analyses (GitHub's alerts carry no
 * fingerprints; the analyses, fetched as SARIF, carry our `partialFingerprints["mcg/v1"]`).
 */
import type { Logger } from '../core/types.js';
import type { Baseline } from '../core/merge.js';
import { parseBaseline } from '../core/baseline.js';
import { uploadSarif, type SarifUploadApi, type UploadOptions, type UploadOutcome } from '../sarif/upload.js';
import { call, describeError, GitHubApiError, type GitHubClient } from './github.js';
import { appendAll } from '../core/arrays.js';

/** The `tool.driver.name` values our SARIF uses (src/sarif/to-sarif.ts). */
export const OUR_TOOLS = ['MCP Container Guard', 'Trivy', 'TruffleHog'] as const;
/** Upper bound on analyses fetched as SARIF for one baseline (newest per tool and category). */
export const MAX_BASELINE_ANALYSES = 40;
const BASELINE_HINT = 'pass a baseline file (the report JSON of a run on the base branch) with the baseline input';

export function uploadApi(gh: GitHubClient, owner: string, repo: string, sleep: (ms: number) => Promise<void>): SarifUploadApi {
  let notFound = 0;
  return {
    async upload(req) {
      const r = await call({ what: 'upload the SARIF to code scanning', permission: 'security-events: write', notEnabledHint: 'set upload-sarif: false (the SARIF file is kept in any case)' }, () =>
        gh.rest.codeScanning.uploadSarif({ owner, repo, ...req }),
      );
      if (!r.data.id) throw new GitHubApiError('Could not upload the SARIF to code scanning: GitHub returned no upload id.', r.status, 'other');
      return { id: r.data.id, url: r.data.url };
    },
    async status(id) {
      try {
        const r = await gh.rest.codeScanning.getSarif({ owner, repo, sarif_id: id });
        return { processing_status: r.data.processing_status, errors: r.data.errors ?? null, analyses_url: r.data.analyses_url ?? null };
      } catch (err) {
        // Just after a 202 the receipt can briefly be unknown; give it a few polls.
        if ((err as { status?: number }).status === 404 && ++notFound <= 3) return { processing_status: 'pending' };
        throw describeError(err, { what: `read the processing status of SARIF upload ${id}`, permission: 'security-events: read' });
      }
    },
    sleep,
  };
}

/** A repository on GitHub. */
export interface RepoRef {
  owner: string;
  repo: string;
}

export async function uploadToCodeScanning(
  gh: GitHubClient,
  at: RepoRef,
  sarifText: string,
  o: { upload: UploadOptions; logger: Logger; sleep: (ms: number) => Promise<void> },
): Promise<UploadOutcome> {
  return uploadSarif(sarifText, o.upload, uploadApi(gh, at.owner, at.repo, o.sleep), o.logger);
}

interface AnalysisSummary {
  id: number;
  category?: string;
  created_at: string;
  tool: { name?: string | null };
  commit_sha: string;
}

async function bodyText(data: unknown): Promise<string> {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  if (data && typeof data === 'object') return JSON.stringify(data);
  return '';
}

export interface CodeScanningBaseline {
  baseline: Baseline;
  analyses: number;
  openAlerts: number;
}

/**
 * Reads the baseline for `ref` (e.g. refs/heads/main): for each of our tools, the newest analysis per
 * category, fetched as SARIF; plus the count of open alerts (a sanity check: alerts but no readable
 * analysis means the baseline is incomplete, which is said loudly). Returns undefined when there is
 * nothing to compare against (no analyses yet).
 */
export async function codeScanningBaseline(gh: GitHubClient, at: RepoRef, ref: string, logger: Logger): Promise<CodeScanningBaseline | undefined> {
  const { owner, repo } = at;
  const newest = new Map<string, AnalysisSummary>();
  for (const tool of OUR_TOOLS) {
    const list = (await call({ what: `list code-scanning analyses of ${ref}`, permission: 'security-events: read', notEnabledHint: BASELINE_HINT }, () =>
      gh.paginate(gh.rest.codeScanning.listRecentAnalyses, { owner, repo, ref, tool_name: tool, per_page: 100, sort: 'created', direction: 'desc' }),
    )) as AnalysisSummary[];
    for (const a of list) {
      const key = `${a.tool.name ?? tool}\u0000${a.category ?? ''}`;
      const prev = newest.get(key);
      if (!prev || Date.parse(a.created_at) > Date.parse(prev.created_at)) newest.set(key, a);
    }
  }
  let openAlerts = 0;
  for (const tool of OUR_TOOLS) {
    const alerts = await call({ what: `list open code-scanning alerts of ${ref}`, permission: 'security-events: read', notEnabledHint: BASELINE_HINT }, () =>
      gh.paginate(gh.rest.codeScanning.listAlertsForRepo, { owner, repo, ref, state: 'open', tool_name: tool, per_page: 100 }),
    );
    openAlerts += alerts.length;
  }
  if (newest.size === 0) {
    if (openAlerts > 0) logger.warning(`${openAlerts} open code-scanning alert(s) on ${ref} but no analysis to read fingerprints from: every finding counts as new`);
    return undefined;
  }
  const picked = [...newest.values()].sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at)).slice(0, MAX_BASELINE_ANALYSES);
  const entries: Baseline['entries'] = [];
  for (const a of picked) {
    const r = await call({ what: `download code-scanning analysis ${a.id} as SARIF`, permission: 'security-events: read', notEnabledHint: BASELINE_HINT }, () =>
      gh.request('GET /repos/{owner}/{repo}/code-scanning/analyses/{analysis_id}', {
        owner,
        repo,
        analysis_id: a.id,
        headers: { accept: 'application/sarif+json' },
      }),
    );
    const text = await bodyText(r.data);
    try {
      appendAll(entries, parseBaseline(text, `analysis ${a.id}`).entries);
    } catch (err) {
      logger.warning(`analysis ${a.id} of ${ref} is not readable SARIF (${(err as Error).message}); skipped`);
    }
  }
  logger.info(`Baseline: ${entries.length} fingerprint(s) from ${picked.length} analysis(es) of ${ref}; ${openAlerts} open alert(s)`);
  return { baseline: { source: 'code-scanning', fingerprints: new Set(entries.map((e) => e.fingerprint)), entries }, analyses: picked.length, openAlerts };
}
