import type { RuleMeta } from '../../core/types.js';
import { field, itemsOf, strOf } from '../../core/mcp/tree.js';
import type { McpRule } from './types.js';

const meta: RuleMeta = {
  id: 'MCG523',
  name: 'ownership-label',
  title: 'Built image lacks the MCP registry ownership label',
  severity: 'high',
  kind: 'mcp',
  description: 'The repository publishes an `oci` package in `server.json` and the image it built has no label `io.modelcontextprotocol.server.name`, or the label differs from the file\'s `name`. Needs the built image.',
  rationale: 'The registry proves that the publisher owns an OCI package by reading this label from the pushed image; without it, or with another name, publishing fails after the image is already pushed.',
  fix: 'Add `LABEL io.modelcontextprotocol.server.name="<name from server.json>"` to the final stage of the Dockerfile.',
  tags: ['publishing', 'mcp', 'server-json', 'image'],
  precision: 'very-high',
};

export const OWNERSHIP_LABEL = 'io.modelcontextprotocol.server.name';

export const rule: McpRule = {
  meta,
  check: (ctx) => {
    const s = ctx.model.server;
    if (!s || !ctx.image || !s.name) return [];
    const oci = itemsOf(field(s.root, 'packages')?.value).some((p) => strOf(field(p, 'registryType')?.value) === 'oci');
    if (!oci) return [];
    const label = ctx.image.labels[OWNERSHIP_LABEL];
    if (label === s.name.value) return [];
    const message =
      label === undefined
        ? `The built image has no label ${OWNERSHIP_LABEL}: the registry cannot verify that "${s.name.value}" owns it.`
        : `The built image's label ${OWNERSHIP_LABEL} is "${label.slice(0, 200)}", not "${s.name.value}" (server.json name).`;
    return [{ line: s.name.line, key: 'ownership-label', message }];
  },
};
