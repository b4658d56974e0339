import type { RuleHit, RuleMeta } from '../../core/types.js';
import type { McpRule } from './types.js';

const meta: RuleMeta = {
  id: 'MCG520',
  name: 'server-json-schema',
  title: 'server.json does not satisfy the MCP registry schema',
  severity: 'high',
  kind: 'mcp',
  description:
    'A registry `server.json` breaks its schema (current: 2025-12-11; the `$schema` URL decides): a required field missing, a wrong type, a length, pattern or enum broken, a pre-2025-09 snake_case key, a version range or `latest`, or an older schema the registry no longer accepts. The message gives the JSON path.',
  rationale: '`mcp-publisher publish` rejects the file, usually late in a release job; an older schema or snake_case keys are read as missing fields by current clients.',
  fix: 'Fix the field at the reported path (`mcp-publisher validate` checks the same), or migrate the file to the current schema URL.',
  tags: ['publishing', 'mcp', 'server-json'],
  precision: 'very-high',
};

export const rule: McpRule = {
  meta,
  check: (ctx) =>
    ctx.model.violations.map((v): RuleHit => ({ line: v.line, key: `schema:${v.path}:${v.message.replace(/\d+/g, 'N')}`, message: `server.json ${v.path}: ${v.message}.` })),
};
