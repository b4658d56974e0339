import { describe, expect, it } from 'vitest';
import { finalStage, parseDockerfile } from '../../../src/core/dockerfile/model.js';
import { historyKeyword, mapLayers, type HistoryEntry } from '../../../src/core/image/layer-map.js';

const FLAWED = `# comment
# comment
FROM python:3.12
ARG API_TOKEN=build-time-placeholder
ENV DB_PASSWORD=changeme
WORKDIR /app
RUN apt-get update && apt-get install -y curl
COPY . .
RUN pip install -r requirements.txt
CMD python server.py
`;

/** The history `docker save` wrote for the flawed example with the classic builder (rig). */
const CLASSIC: HistoryEntry[] = [
  { comment: 'debootstrap' },
  { created_by: '/bin/sh -c #(nop)  ENV LANG=C.UTF-8', empty_layer: true },
  { created_by: '/bin/sh -c apt-get update  && apt-get install -y --no-install-recommends python3' },
  { created_by: '/bin/sh -c #(nop)  CMD ["python3"]', empty_layer: true },
  { created_by: '/bin/sh -c #(nop)  ARG API_TOKEN=build-time-placeholder', empty_layer: true },
  { created_by: '/bin/sh -c #(nop)  ENV DB_PASSWORD=changeme', empty_layer: true },
  { created_by: '/bin/sh -c #(nop) WORKDIR /app' },
  { created_by: '|1 API_TOKEN=build-time-placeholder /bin/sh -c apt-get update && apt-get install -y curl' },
  { created_by: '/bin/sh -c #(nop) COPY dir:227de912 in . ' },
  { created_by: '|1 API_TOKEN=build-time-placeholder /bin/sh -c pip install -r requirements.txt' },
  { created_by: '/bin/sh -c #(nop)  CMD ["/bin/sh" "-c" "python server.py"]', empty_layer: true },
];
const DIFFS = ['sha256:d0', 'sha256:d1', 'sha256:d2', 'sha256:d3', 'sha256:d4', 'sha256:d5'];

describe('historyKeyword', () => {
  it('reads classic, BuildKit and RUN shapes', () => {
    expect(historyKeyword('/bin/sh -c #(nop)  ENV A=b')).toBe('ENV');
    expect(historyKeyword('/bin/sh -c #(nop) COPY file:abc in /x')).toBe('COPY');
    expect(historyKeyword('|2 A=1 B=2 /bin/sh -c make')).toBe('RUN');
    expect(historyKeyword('RUN /bin/sh -c pip install x # buildkit')).toBe('RUN');
    expect(historyKeyword('COPY . . # buildkit')).toBe('COPY');
    expect(historyKeyword('WORKDIR /app')).toBe('WORKDIR');
    expect(historyKeyword(undefined)).toBeUndefined();
  });
});

describe('mapLayers', () => {
  it('maps the classic builder history of the flawed example (WORKDIR makes a layer)', () => {
    const m = parseDockerfile('Dockerfile', FLAWED);
    const map = mapLayers(m, finalStage(m)!, CLASSIC, DIFFS);
    expect(map.layers.map((l) => l.site.line)).toEqual([3, 3, 6, 7, 8, 9]);
    expect(map.byDiffId.get('sha256:d3')!.line).toBe(7);
    expect(map.byDiffId.get('sha256:d3')!.key).toBe('0|RUN apt-get update && apt-get install -y curl');
    expect(map.history[5]!.line).toBe(5);
    expect(map.history[4]!.line).toBe(4);
    expect(map.history[3]!.base).toBe(true);
    expect(map.from.line).toBe(3);
  });

  it('maps BuildKit history (no ARG entry, WORKDIR empty)', () => {
    const m = parseDockerfile('Dockerfile', FLAWED);
    const bk: HistoryEntry[] = [
      { created_by: '# debian.sh' },
      { created_by: 'CMD ["bash"]', empty_layer: true },
      { created_by: 'RUN /bin/sh -c apt-get install python3 # buildkit' },
      { created_by: 'ENV DB_PASSWORD=changeme', empty_layer: true },
      { created_by: 'WORKDIR /app', empty_layer: true },
      { created_by: 'RUN |1 API_TOKEN=x /bin/sh -c apt-get update && apt-get install -y curl # buildkit' },
      { created_by: 'COPY . . # buildkit' },
      { created_by: 'RUN |1 API_TOKEN=x /bin/sh -c pip install -r requirements.txt # buildkit' },
      { created_by: 'CMD ["/bin/sh" "-c" "python server.py"]', empty_layer: true },
    ];
    const map = mapLayers(m, finalStage(m)!, bk, ['sha256:a', 'sha256:b', 'sha256:c', 'sha256:d', 'sha256:e']);
    expect(map.layers.map((l) => l.site.line)).toEqual([3, 3, 7, 8, 9]);
    expect(map.history[3]!.line).toBe(5);
  });

  it('multi-stage: COPY --from layers map to the final stage, build-stage layers never appear', () => {
    const df = `FROM node:22 AS build
WORKDIR /app
RUN npm ci
FROM node:22-slim
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY package.json ./
USER node
`;
    const m = parseDockerfile('Dockerfile', df);
    const h: HistoryEntry[] = [
      { created_by: 'ADD rootfs.tar.xz / # buildkit' },
      { created_by: 'CMD ["bash"]', empty_layer: true },
      { created_by: 'RUN /bin/sh -c install node # buildkit' },
      { created_by: 'WORKDIR /app' },
      { created_by: 'COPY /app/node_modules ./node_modules # buildkit' },
      { created_by: 'COPY package.json ./ # buildkit' },
      { created_by: 'USER node', empty_layer: true },
    ];
    const map = mapLayers(m, finalStage(m)!, h, ['sha256:1', 'sha256:2', 'sha256:3', 'sha256:4', 'sha256:5']);
    expect(map.layers.map((l) => l.site.line)).toEqual([4, 4, 5, 6, 7]);
  });

  it('FROM <stage>: the parent stage instructions are part of the chain', () => {
    const df = `ARG BASE=python:3.12-slim
FROM \${BASE} AS base
RUN pip install uv
FROM base
COPY app /app
`;
    const m = parseDockerfile('Dockerfile', df);
    const h: HistoryEntry[] = [
      { created_by: '/bin/sh -c #(nop) ADD file:x in /' },
      { created_by: '/bin/sh -c pip install uv' },
      { created_by: '/bin/sh -c #(nop) COPY dir:y in /app' },
    ];
    const map = mapLayers(m, finalStage(m)!, h, ['sha256:1', 'sha256:2', 'sha256:3']);
    expect(map.layers.map((l) => l.site.line)).toEqual([4, 3, 5]);
  });

  it('without created_by, counts non-empty layers against RUN/COPY/ADD from the end', () => {
    const m = parseDockerfile('Dockerfile', FLAWED);
    const h: HistoryEntry[] = [{}, {}, { empty_layer: true }, {}, {}, {}];
    const map = mapLayers(m, finalStage(m)!, h, ['sha256:a', 'sha256:b', 'sha256:c', 'sha256:d', 'sha256:e']);
    expect(map.layers.map((l) => l.site.line)).toEqual([3, 3, 7, 8, 9]);
  });

  it('without history, guesses only the newest layers and maps the rest to FROM', () => {
    const m = parseDockerfile('Dockerfile', FLAWED);
    const map = mapLayers(m, finalStage(m)!, [], ['sha256:a', 'sha256:b', 'sha256:c', 'sha256:d', 'sha256:e']);
    expect(map.layers.map((l) => l.site.line)).toEqual([3, 3, 7, 8, 9]);
  });
});
