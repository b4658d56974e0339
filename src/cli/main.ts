/**
 * The local CLI (`mcg`): same engine and output as the action, no @actions/* import. Each
 * subcommand runs in its own module (run-scan, run-discover, run-merge); this one dispatches and
 * turns errors into exit codes.
 */
import { CliUsageError, parseCli, USAGE } from './args.js';
import { UsageError } from '../engine/scan.js';
import { MergeError } from '../engine/merge-reports.js';
import { ConfigError } from '../core/config.js';
import { PathError } from '../core/files.js';
import { BaselineError } from '../core/baseline.js';
import { WriteError } from '../core/safe-write.js';
import { TOOL_VERSION } from '../core/meta.js';
import { catalog } from '../rules/index.js';
import { runProbeCleanup } from './probe-cli.js';
import type { CliIo } from './io.js';
import { runScan } from './run-scan.js';
import { runDiscover } from './run-discover.js';
import { runMerge } from './run-merge.js';

export { findRoot, type CliIo } from './io.js';

export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    const cmd = parseCli(argv);
    switch (cmd.command) {
      case 'help':
        io.stdout(`${USAGE}\n`);
        return 0;
      case 'version':
        io.stdout(`${TOOL_VERSION}\n`);
        return 0;
      case 'rules':
        if (cmd.format === 'json') io.stdout(`${JSON.stringify(catalog, null, 2)}\n`);
        else for (const m of catalog) io.stdout(`${m.id}  ${m.severity.padEnd(8)}  ${m.kind.padEnd(10)}  ${m.title}\n`);
        return 0;
      case 'scan':
        return await runScan(cmd, io);
      case 'discover':
        return await runDiscover(cmd, io);
      case 'merge':
        return runMerge(cmd, io);
      case 'probe-cleanup':
        return await runProbeCleanup(io);
    }
  } catch (e) {
    if (e instanceof CliUsageError) {
      io.stderr(`mcg: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof ConfigError || e instanceof UsageError || e instanceof PathError || e instanceof BaselineError || e instanceof MergeError || e instanceof WriteError) {
      io.stderr(`mcg: ${e.message}\n`);
      return 2;
    }
    io.stderr(`mcg: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 2;
  }
}
