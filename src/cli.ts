// The local entry point: `mcg …` / `node dist/cli.js …`. No @actions/* here.
import { readFileSync } from 'node:fs';
import { main } from './cli/main.js';
import { terminalSafe } from './cli/terminal.js';

const code = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(terminalSafe(s, { keepColour: true })),
  stderr: (s) => process.stderr.write(terminalSafe(s)),
  env: process.env,
  cwd: process.cwd(),
  isTTY: process.stdout.isTTY === true,
  readStdin: () => readFileSync(0),
});
process.exitCode = code;
