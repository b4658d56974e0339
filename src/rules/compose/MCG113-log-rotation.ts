import type { RuleMeta } from '../../core/types.js';
import { get, getPath, str } from '../../core/yaml/ast.js';
import type { ComposeRule } from '../yaml-types.js';
import { eachService, key } from './util.js';

const meta: RuleMeta = {
  id: 'MCG113',
  name: 'log-rotation',
  title: 'Compose service logs grow without bound',
  severity: 'low',
  kind: 'compose',
  description:
    'A compose service uses the `json-file` logging driver (the default when `logging.driver` is not set) without `logging.options.max-size`, so its log file is never rotated.',
  rationale:
    'A chatty or attacked MCP server can fill the host disk with one ever-growing JSON log file, taking down every service on the host. (A daemon-wide `log-opts` in daemon.json also fixes this; it is invisible from the compose file.)',
  fix: 'Add `logging: {driver: json-file, options: {max-size: "10m", max-file: "3"}}` (a YAML anchor shares it between services), or use the `local` driver, which rotates by default.',
  tags: ['reliability', 'compose', 'logging'],
  precision: 'medium',
};

export const rule: ComposeRule = {
  meta,
  check: (ctx) =>
    eachService(ctx, (s) => {
      const logging = key(s, 'logging');
      const driver = str(s.y, get(s.y, logging?.value, 'driver')?.value)?.trim() ?? 'json-file';
      if (driver !== 'json-file') return undefined;
      const maxSize = getPath(s.y, logging?.value, 'options', 'max-size');
      if (maxSize && str(s.y, maxSize.value) !== undefined) return undefined;
      return {
        line: logging?.line ?? s.line,
        key: `${s.key}.logging`,
        message: `Service "${s.name}" logs with json-file and no max-size: the log file is never rotated.`,
      };
    }),
};
