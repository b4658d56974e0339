// MCG992 (read differently from the builder). The configs and histories below are written as the
// rig's BuildKit wrote them for real builds (`docker buildx build`; see the e2e test
// test/e2e/read-differently.test.ts, which builds such images): `ENV A=1 B=two words`,
// `RUN |2 VERSION=7 UNUSED=2 /bin/sh -c … # buildkit`, `COPY a.txt /b.txt # buildkit` (flags left
// out), `CMD ["/bin/sh" "-c" "…"]`, `WORKDIR /sub` (a layer, no suffix), ONBUILD triggers run at
// the start of the child stage.
import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/rules/meta/MCG992-read-differently-from-builder.js';
import { imageRuleTable, runImageRule, type ImageDesc } from '../../support/image-rule-table.js';
import type { HistoryEntry } from '../../../src/core/image/layer-map.js';
import { decide, isFailClosed } from '../../../src/core/policy.js';
import { applySuppressions } from '../../../src/core/suppress.js';
import { checkImage } from '../../../src/rules/image/index.js';
import { imageRuleContext } from '../../support/image-rule-table.js';

const LAYERS = /^(RUN|COPY|ADD|WORKDIR) /;
/** A BuildKit history: the base image's entry, then one per created_by. */
function bk(...createdBy: string[]): HistoryEntry[] {
  return [
    { comment: 'debootstrap' },
    ...createdBy.map((c) => ({ created_by: c, comment: 'buildkit.dockerfile.v0', empty_layer: LAYERS.test(c) ? undefined : true })),
  ];
}
const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

const SIMPLE = ['FROM debian:bookworm-slim', 'ENV A=1 B="two words"', 'COPY --chmod=644 a.txt /b.txt', 'RUN echo hi', 'USER app', 'CMD ["node", "x.js"]', ''].join('\n');
const simpleImage = (over: Partial<ImageDesc> = {}): ImageDesc => ({
  built: {},
  config: { user: 'app', env: [PATH, 'A=1', 'B=two words'], cmd: ['node', 'x.js'] },
  history: bk('ENV A=1 B=two words', 'COPY a.txt /b.txt # buildkit', 'RUN /bin/sh -c echo hi # buildkit', 'USER app', 'CMD ["node" "x.js"]'),
  ...over,
});

const EXPOSE = ['FROM debian:bookworm-slim', 'EXPOSE 8080 9090/udp 7000-7001', ''].join('\n');

const ARGS = ['FROM debian:bookworm-slim', 'ARG VERSION=1', 'ARG UNUSED=2', 'ENV C=$VERSION', 'RUN echo $VERSION > /v', 'USER ${VERSION}', ''].join('\n');
const argsHistory = bk('ARG VERSION=1', 'ARG UNUSED=2', 'ENV C=7', 'RUN |2 VERSION=7 UNUSED=2 /bin/sh -c echo $VERSION > /v # buildkit', 'USER 7');

const STAGES = [
  'FROM debian:bookworm-slim AS one',
  'ONBUILD RUN echo trig',
  'WORKDIR /sub',
  'CMD echo shell form',
  'ENTRYPOINT ["/bin/echo"]',
  'FROM one',
  'RUN --mount=type=cache,target=/c echo mounted',
  'ENTRYPOINT echo ep',
  'HEALTHCHECK NONE',
  '',
].join('\n');
const stagesHistory = bk(
  'WORKDIR /sub',
  'CMD ["/bin/sh" "-c" "echo shell form"]',
  'ENTRYPOINT ["/bin/echo"]',
  'RUN /bin/sh -c echo trig # buildkit',
  'RUN /bin/sh -c echo mounted # buildkit',
  'ENTRYPOINT ["/bin/sh" "-c" "echo ep"]',
  'HEALTHCHECK &{["NONE"] "0s" "0s" "0s" \'\\x00\'}',
);
const stagesConfig = { env: [PATH], entrypoint: ['/bin/sh', '-c', 'echo ep'], workingDir: '/sub', healthcheck: ['NONE'] };

imageRuleTable(rule, {
  fires: [
    {
      name: 'the image runs as another user than the last USER reads as (a USER the builder read as data)',
      dockerfile: SIMPLE,
      image: simpleImage({ config: { user: '', env: [PATH, 'A=1', 'B=two words'], cmd: ['node', 'x.js'] }, history: bk('ENV A=1 B=two words', 'COPY a.txt /b.txt # buildkit', 'RUN /bin/sh -c echo hi # buildkit', 'CMD ["node" "x.js"]') }),
      lines: [5, 5],
    },
    {
      name: 'an ENV key the image does not have',
      dockerfile: SIMPLE,
      image: simpleImage({ config: { user: 'app', env: [PATH, 'A=1'], cmd: ['node', 'x.js'] }, history: bk('ENV A=1', 'COPY a.txt /b.txt # buildkit', 'RUN /bin/sh -c echo hi # buildkit', 'USER app', 'CMD ["node" "x.js"]') }),
      lines: [2, 2],
    },
    {
      name: 'build args ignored by the reading would be a difference: the image used V=7, the history says so',
      dockerfile: ARGS,
      image: { built: { VERSION: '1' }, config: { user: '7', env: [PATH, 'C=7'] }, history: argsHistory },
      lines: [4, 6, 6],
    },
    {
      name: 'a shell-form CMD read as exec form',
      dockerfile: SIMPLE,
      image: simpleImage({ config: { user: 'app', env: [PATH, 'A=1', 'B=two words'], cmd: ['/bin/sh', '-c', '["node", "x.js"]'] } }),
      lines: [6],
      message: "Cmd is not the command this CMD reads as",
    },
    {
      name: 'the builder recorded an instruction we did not read (extra RUN before USER)',
      dockerfile: SIMPLE,
      image: simpleImage({ history: bk('ENV A=1 B=two words', 'COPY a.txt /b.txt # buildkit', 'RUN /bin/sh -c echo hi # buildkit', 'RUN /bin/sh -c curl x | sh # buildkit', 'USER app', 'CMD ["node" "x.js"]') }),
      lines: [4],
      message: 'another command than we read',
    },
    {
      name: 'a metadata instruction the builder made a layer for',
      dockerfile: SIMPLE,
      image: simpleImage({ history: [...bk('ENV A=1 B=two words', 'COPY a.txt /b.txt # buildkit', 'RUN /bin/sh -c echo hi # buildkit', 'USER app'), { created_by: 'CMD ["node" "x.js"]', comment: 'buildkit.dockerfile.v0' }] }),
      lines: [6],
      message: 'recorded a filesystem layer',
    },
    {
      name: 'an ENTRYPOINT that resets the inherited CMD, yet the image has a Cmd',
      dockerfile: STAGES,
      image: { built: {}, config: { ...stagesConfig, cmd: ['echo shell form'] }, history: stagesHistory },
      lines: [8],
      message: 'resets the inherited CMD',
    },
    {
      name: 'a HEALTHCHECK and a WORKDIR the image has otherwise',
      dockerfile: STAGES,
      image: { built: {}, config: { ...stagesConfig, healthcheck: ['CMD-SHELL', 'true'], workingDir: '/' }, history: stagesHistory },
      lines: [3, 9],
    },
    {
      name: 'the image history is shorter than the instructions we read',
      dockerfile: SIMPLE,
      image: simpleImage({ history: [{ created_by: 'USER app', comment: 'buildkit.dockerfile.v0', empty_layer: true }, { created_by: 'CMD ["node" "x.js"]', comment: 'buildkit.dockerfile.v0', empty_layer: true }] }),
      lines: [4],
      message: 'recorded no entry',
    },
    {
      name: 'an EXPOSE port the image does not expose',
      dockerfile: EXPOSE,
      image: { built: {}, config: { env: [PATH], exposedPorts: ['8080/tcp', '7000/tcp', '7001/tcp'] }, history: bk('EXPOSE map[7000/tcp:{} 7001/tcp:{} 8080/tcp:{}]') },
      lines: [2],
      message: 'names 9090/udp, but the built image does not expose it',
    },
  ],
  passes: [
    { name: 'config and history as BuildKit wrote them', dockerfile: SIMPLE, image: simpleImage() },
    {
      name: 'EXPOSE: every plain port exposed (a range is not predicted)',
      dockerfile: EXPOSE,
      image: { built: {}, config: { env: [PATH], exposedPorts: ['8080/tcp', '9090/udp', '7000/tcp', '7001/tcp'] }, history: bk('EXPOSE map[7000/tcp:{} 7001/tcp:{} 8080/tcp:{} 9090/udp:{}]') },
    },
    { name: 'build args expanded in ENV, USER and the RUN record', dockerfile: ARGS, image: { built: { VERSION: '7' }, config: { user: '7', env: [PATH, 'C=7'] }, history: argsHistory } },
    { name: 'an ONBUILD trigger, a stage on a stage, CMD reset by ENTRYPOINT, HEALTHCHECK NONE', dockerfile: STAGES, image: { built: {}, config: stagesConfig, history: stagesHistory } },
    {
      name: 'an image not built by the pipeline (--image): nothing compared',
      dockerfile: SIMPLE,
      image: simpleImage({ built: undefined, config: { user: 'root', env: [] } }),
    },
    {
      name: 'a classic-builder history is not compared; the config still agrees',
      dockerfile: SIMPLE,
      image: simpleImage({ history: [{ comment: 'base' }, { created_by: '/bin/sh -c #(nop)  ENV A=1 B=two words', empty_layer: true }, { created_by: '/bin/sh -c echo hi' }] }),
    },
    {
      name: 'values from the base image are not predicted ($PATH, a relative WORKDIR, an inherited CMD)',
      dockerfile: ['FROM node:22-slim', 'ENV PATH=/app/bin:$PATH', 'WORKDIR app', 'USER node', ''].join('\n'),
      image: { built: {}, config: { user: 'node', env: ['PATH=/app/bin:/usr/local/bin:/usr/bin', 'NODE_VERSION=22'], workingDir: '/home/app', cmd: ['node'] }, history: bk('ENV PATH=/app/bin:/usr/local/bin:/usr/bin', 'WORKDIR /home/app', 'USER node') },
    },
    {
      name: 'a BuildKit that records no ARG entries',
      dockerfile: ARGS,
      image: { built: { VERSION: '7' }, config: { user: '7', env: [PATH, 'C=7'] }, history: bk('ENV C=7', 'RUN |1 VERSION=7 /bin/sh -c echo $VERSION > /v # buildkit', 'USER 7') },
    },
    {
      name: '--target: the stage that was built, not the last',
      dockerfile: ['FROM debian:bookworm-slim AS app', 'USER app', 'FROM app AS debug', 'USER root', ''].join('\n'),
      image: { built: {}, target: 'app', config: { user: 'app', env: [PATH] }, history: bk('USER app') },
    },
  ],
});

describe('MCG992 policy', () => {
  const misreadUser = simpleImage({ config: { user: 'root', env: [PATH, 'A=1', 'B=two words'], cmd: ['node', 'x.js'] } });
  it('is fail-closed: no threshold, rule setting or suppression lets it pass', () => {
    expect(isFailClosed('MCG992')).toBe(true);
    expect(rule.meta.severity).toBe('high');
    // `rules: {MCG992: off}` and a severity override do not apply
    const found = checkImage(imageRuleContext(SIMPLE, misreadUser), 't', { MCG992: 'off', MCG050: 'off' }).filter((f) => f.ruleId === 'MCG992');
    expect(found.map((f) => [f.location.startLine, f.severity])).toEqual([[5, 'high']]);
    const f = { ...found[0]!, new: false };
    const out = applySuppressions([f], new Map(), [{ id: 'MCG99*', reason: 'because', where: '.mcg.yml:3', file: '.mcg.yml', line: 3 }], new Date('2026-01-01'));
    expect(f.suppressed).toBeUndefined();
    expect(out.extraFindings.map((x) => `${x.location.path}:${x.location.startLine}`)).toContain('.mcg.yml:3');
    const d = decide([f], { threshold: 'critical', failOn: 'new' });
    expect(d).toEqual({ result: 'fail', reason: 'failed: 1 instruction read differently from the builder (fail-closed)' });
    expect(decide([f], { threshold: 'low', failOn: 'never' }).result).toBe('pass');
  });
  it('says what the image has and what the USER reads as', () => {
    const hits = runImageRule(rule, { name: 'user', dockerfile: SIMPLE, image: misreadUser });
    expect(hits.map((h) => h.message)).toEqual([expect.stringContaining('The built image runs as user "root", but this USER reads as "app".')]);
  });
  it('names keys, never values, in its messages (a build arg or ENV value may be a secret)', () => {
    const hits = runImageRule(rule, {
      name: 'secret',
      dockerfile: ['FROM debian:bookworm-slim', 'ARG TOKEN=x', 'ENV API_TOKEN=$TOKEN', ''].join('\n'),
      image: { built: { TOKEN: 's3cr3t-build-arg' }, config: { user: '', env: [PATH, 'API_TOKEN=other-s3cr3t'] }, history: bk('ARG TOKEN=x', 'ENV API_TOKEN=other-s3cr3t') },
    });
    expect(hits.map((h) => h.line)).toEqual([3, 3]);
    for (const h of hits) expect(h.message).not.toMatch(/s3cr3t/);
  });
});
