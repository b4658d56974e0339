import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../src/core/dockerfile/model.js';

describe('Dockerfile model: instruction flags', () => {
  const m = parseDockerfile(
    'Dockerfile',
    [
      'FROM --platform=linux/amd64 python:3.12-slim AS base',
      'ADD --checksum=sha256:abcd https://example.com/t.tgz /tmp/',
      'COPY --from=build --chown=1:1 --link /app /app',
      'RUN --mount=type=cache,target=/root/.cache/pip --mount=type=secret,id=tok pip install x',
      'HEALTHCHECK --interval=5s --retries=3 CMD curl -f http://localhost/',
    ].join('\n'),
  );
  const [from, add, copy, run, hc] = m.instructions;

  it('reads --name=value flags, repeatable ones in order, valueless ones as empty', () => {
    expect(from!.flags).toEqual({ platform: ['linux/amd64'] });
    expect(m.stages[0]!.platform).toBe('linux/amd64');
    expect(add!.flags).toEqual({ checksum: ['sha256:abcd'] });
    expect(copy!.flags).toEqual({ from: ['build'], chown: ['1:1'], link: [''] });
    expect(run!.flags['mount']).toEqual(['type=cache,target=/root/.cache/pip', 'type=secret,id=tok']);
    expect(hc!.flags).toEqual({ interval: ['5s'], retries: ['3'] });
  });

  it('keeps the flags out of rest', () => {
    expect(add!.rest).toBe('https://example.com/t.tgz /tmp/');
    expect(copy!.rest).toBe('/app /app');
    expect(run!.rest).toBe('pip install x');
    expect(hc!.rest).toBe('CMD curl -f http://localhost/');
    expect(m.stages[0]!.base).toBe('python:3.12-slim');
    expect(m.stages[0]!.name).toBe('base');
  });
});
