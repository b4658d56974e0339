/**
 * The 20-server monorepo fixture of issue #23, generated: servers/s01 … s20, each with a Dockerfile
 * and a small stdio MCP server, all built from the repository root (context '.', each COPYing its
 * own directory); servers/s01 … s05 also COPY the shared lib/. A git repository with
 * one commit on main; `change` commits an edit on a branch.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const SERVERS = Array.from({ length: 20 }, (_, i) => `s${String(i + 1).padStart(2, '0')}`);
/** The servers that COPY lib/ (and so build from the root). */
export const LIB_USERS = SERVERS.slice(0, 5);

const SERVER_JS = `// a tiny stdio MCP server: answers initialize and tools/list
process.stdin.on('data', (b) => {
  for (const line of String(b).split('\\n').filter(Boolean)) {
    const req = JSON.parse(line);
    const result = req.method === 'initialize' ? { protocolVersion: '2025-06-18', capabilities: { tools: {} }, serverInfo: { name: 'NAME', version: '1.0.0' } } : { tools: [] };
    process.stdout.write(JSON.stringify({ jsonrpc: '2.0', id: req.id, result }) + '\\n');
  }
});
`;

function git(dir: string, args: string[]): string {
  return execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@example.test', '-c', 'commit.gpgsign=false', ...args], { encoding: 'utf8' });
}

function put(root: string, rel: string, text: string): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), text);
}

export interface Monorepo {
  dir: string;
  /** Commits `files` (path → text) on a new branch `name` off main; returns to it (HEAD = the change). */
  change(name: string, files: Record<string, string>): void;
}

export function monorepo(): Monorepo {
  const dir = mkdtempSync(join(tmpdir(), 'mcg-mono20-'));
  git(dir, ['init', '-q', '-b', 'main']);
  put(dir, 'lib/util.js', 'export const greet = (n) => `hello ${n}`;\n');
  put(dir, '.mcg.yml', 'ignore: []\n');
  put(dir, '.dockerignore', '**/*.md\n');
  for (const s of SERVERS) {
    const shared = LIB_USERS.includes(s);
    put(dir, `servers/${s}/server.js`, SERVER_JS.replace('NAME', s));
    put(dir, `servers/${s}/README.md`, `# ${s}\n`);
    put(dir, `servers/${s}/Dockerfile`, ['FROM node:22-alpine', 'WORKDIR /app', `COPY servers/${s}/ /app/`, ...(shared ? ['COPY lib/ /app/lib/'] : []), 'USER node', 'CMD ["node", "server.js"]', ''].join('\n'));
  }
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'twenty servers']);
  return {
    dir,
    change(name, files) {
      git(dir, ['checkout', '-q', '-b', name, 'main']);
      for (const [rel, text] of Object.entries(files)) put(dir, rel, text);
      git(dir, ['add', '-A']);
      git(dir, ['commit', '-q', '-m', name]);
    },
  };
}
