// A small MCP server over stdio: a unit converter and a clock.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';

const server = new McpServer({ name: 'units', version: '1.0.0' });

const FACTORS: Record<string, number> = { m: 1, km: 1000, cm: 0.01, mm: 0.001, mi: 1609.344, ft: 0.3048, in: 0.0254 };

server.tool(
  'convert_length',
  'Convert a length between m, km, cm, mm, mi, ft and in',
  { value: z.number(), from: z.enum(['m', 'km', 'cm', 'mm', 'mi', 'ft', 'in']), to: z.enum(['m', 'km', 'cm', 'mm', 'mi', 'ft', 'in']) },
  async ({ value, from, to }) => ({
    content: [{ type: 'text', text: String((value * FACTORS[from]!) / FACTORS[to]!) }],
  }),
);

server.tool('utc_now', 'The current time in UTC, ISO 8601', {}, async () => ({
  content: [{ type: 'text', text: new Date().toISOString() }],
}));

await server.connect(new StdioServerTransport());
