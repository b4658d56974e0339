/**
 * `mcg` command-line parsing (DESIGN §6 CLI contract). Pure: argv in, options or a usage error out.
 * The commands are declared in ./commands.ts, `scan`'s options parsed in ./args-scan.ts.
 */
import { parseArgs } from 'node:util';
import { parseSeverity } from '../core/severity.js';
import { parseScan } from './args-scan.js';
import { CliUsageError, colorFlag, parseFailOn, parseFormat, type Command, type DiscoverCommand, type MergeCommand } from './commands.js';

export { CliUsageError, FORMATS, type Command, type DiscoverCommand, type Format, type MergeCommand, type ScanCommand } from './commands.js';
export { USAGE } from './usage.js';

function parseDiscover(rest: string[]): DiscoverCommand {
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    strict: true,
    options: {
      dockerfiles: { type: 'string', multiple: true },
      dockerfile: { type: 'string', multiple: true },
      context: { type: 'string' },
      config: { type: 'string' },
      root: { type: 'string' },
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
      'changed-only': { type: 'boolean' },
      base: { type: 'string' },
      head: { type: 'string' },
    },
  });
  if (values['changed-only'] && values.base === undefined) throw new CliUsageError('--changed-only needs --base REF (the commit or branch the change is against)');
  if (!values['changed-only'] && (values.base !== undefined || values.head !== undefined)) throw new CliUsageError('--base and --head go with --changed-only');
  if (positionals.length > 1) throw new CliUsageError(`discover takes one path, got ${positionals.length}: ${positionals.join(' ')}`);
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'table') throw new CliUsageError(`--format for discover must be json or table, got "${format}"`);
  return {
    command: 'discover',
    path: positionals[0] ?? '.',
    root: values.root,
    dockerfiles: [...(values.dockerfiles ?? []), ...(values.dockerfile ?? [])],
    context: values.context,
    config: values.config,
    format,
    output: values.output,
    changedOnly: values['changed-only'] ? { base: values.base!, head: values.head } : undefined,
  };
}

function parseMerge(rest: string[]): MergeCommand {
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    strict: true,
    options: {
      sarif: { type: 'string' },
      'report-json': { type: 'string' },
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
      'severity-threshold': { type: 'string' },
      'fail-on': { type: 'string' },
      category: { type: 'string' },
      matrix: { type: 'string' },
      'no-color': { type: 'boolean' },
      color: { type: 'boolean' },
      baseline: { type: 'string' },
      config: { type: 'string' },
      root: { type: 'string' },
      vex: { type: 'string', multiple: true },
    },
  });
  if (positionals.length === 0) throw new CliUsageError('merge needs at least one artifact directory');
  const format = parseFormat(values.format);
  return {
    command: 'merge',
    dirs: positionals,
    sarif: values.sarif,
    reportJson: values['report-json'],
    format,
    output: values.output,
    severityThreshold: values['severity-threshold'] !== undefined ? parseSeverity(values['severity-threshold'], '--severity-threshold') : undefined,
    failOn: parseFailOn(values['fail-on']),
    category: values.category,
    matrix: values.matrix,
    color: colorFlag(values),
    baseline: values.baseline,
    config: values.config,
    root: values.root,
    vex: values.vex ?? [],
  };
}

/** argv (after `mcg`) → the command; every parse error is a CliUsageError. */
export function parseCli(argv: string[]): Command {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') return { command: 'help' };
  if (argv[0] === '--version' || argv[0] === '-v' || argv[0] === 'version') return { command: 'version' };
  const [cmd, ...rest] = argv;
  try {
    if (cmd === 'rules') {
      const { values } = parseArgs({ args: rest, options: { format: { type: 'string' } }, strict: true });
      const f = values.format ?? 'table';
      if (f !== 'table' && f !== 'json') throw new CliUsageError(`--format for rules must be table or json`);
      return { command: 'rules', format: f };
    }
    if (cmd === 'probe-cleanup') return { command: 'probe-cleanup' };
    if (cmd === 'discover') return parseDiscover(rest);
    if (cmd === 'merge') return parseMerge(rest);
    if (cmd !== 'scan') throw new CliUsageError(`unknown command "${cmd}"`);
    return parseScan(rest);
  } catch (e) {
    if (e instanceof CliUsageError) throw e;
    throw new CliUsageError((e as Error).message);
  }
}
