import { describe, expect, it } from 'vitest';
import { buildAnnotationCommands } from '../../../src/reporters/annotations.js';
import { WORKFLOW_ANNOTATIONS_PER_LEVEL } from '../../../src/reporters/limits.js';
import type { Finding, Severity } from '../../../src/core/types.js';
import { makeFinding, makeReport } from '../../support/report-builder.js';
import { HOSTILE, hostileFindings } from '../../support/hostile.js';

interface Parsed {
  level: string;
  props: Record<string, string>;
  message: string;
}

/** Parse a workflow command the way the runner does (split at the first `::` after the properties). */
function parse(cmd: string): Parsed {
  const m = /^::(\w+) ([^:]*)::(.*)$/s.exec(cmd);
  if (!m) throw new Error(`not a command: ${cmd}`);
  const props: Record<string, string> = {};
  for (const kv of (m[2] as string).split(',')) {
    const i = kv.indexOf('=');
    props[kv.slice(0, i)] = unescapeProperty(kv.slice(i + 1));
  }
  return { level: m[1] as string, props, message: unescapeData(m[3] as string) };
}
const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string) => unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));

function many(severity: Severity, n: number, over: Partial<Finding> = {}): Finding[] {
  return Array.from({ length: n }, (_, i) => makeFinding({ severity, ruleId: `R-${severity}-${i}`, line: i + 1, message: `${severity} ${i}`, ...over }));
}

describe('buildAnnotationCommands', () => {
  it('maps severities to levels by the severity table and writes file, lines, title, message', () => {
    const f = makeFinding({ severity: 'medium', ruleId: 'MCG108', path: 'deploy/compose.yaml', location: { path: 'deploy/compose.yaml', startLine: 9, endLine: 11 }, message: 'Port 8080 binds all interfaces, 100% exposed' });
    const cmds = buildAnnotationCommands(makeReport({ findings: [f, makeFinding({ severity: 'critical' }), makeFinding({ severity: 'low' }), makeFinding({ severity: 'info' })] }));
    const parsed = cmds.map(parse);
    expect(parsed.map((p) => p.level).sort()).toEqual(['error', 'notice', 'notice', 'warning']);
    const w = parsed.find((p) => p.level === 'warning') as Parsed;
    expect(w.props).toMatchObject({ file: 'deploy/compose.yaml', line: '9', endLine: '11' });
    expect(w.props.title).toContain('MCG108');
    expect(w.props.title).toContain('medium');
    expect(w.message.split('\n')[0]).toBe('Port 8080 binds all interfaces, 100% exposed');
    expect(w.message).toContain('Fix: ');
  });

  it('writes columns only on a single line', () => {
    const one = parse(buildAnnotationCommands(makeReport({ findings: [makeFinding({ location: { path: 'a', startLine: 3, startColumn: 5, endColumn: 9 } })] }))[0] as string);
    expect(one.props).toMatchObject({ line: '3', endLine: '3', col: '5', endColumn: '9' });
    const multi = parse(buildAnnotationCommands(makeReport({ findings: [makeFinding({ location: { path: 'a', startLine: 3, endLine: 4, startColumn: 5, endColumn: 9 } })] }))[0] as string);
    expect(multi.props.col).toBeUndefined();
    expect(multi.props.endColumn).toBeUndefined();
  });

  it('leaves suppressed findings out and adds no overflow notice when all fit', () => {
    const findings = [...many('high', 3), makeFinding({ severity: 'high', suppressed: { kind: 'inSource', justification: 'ok', where: 'Dockerfile:1' } })];
    const cmds = buildAnnotationCommands(makeReport({ findings }));
    expect(cmds).toHaveLength(3);
    expect(cmds.every((c) => c.startsWith('::error '))).toBe(true);
  });

  it('spends exactly the budget: 10 errors, 10 warnings, 10 notices including the one that counts the rest', () => {
    const findings = [...many('critical', 8), ...many('high', 7), ...many('medium', 12), ...many('low', 9), ...many('info', 9)];
    const cmds = buildAnnotationCommands(makeReport({ findings }));
    const parsed = cmds.map(parse);
    const count = (l: string) => parsed.filter((p) => p.level === l).length;
    expect(count('error')).toBe(WORKFLOW_ANNOTATIONS_PER_LEVEL);
    expect(count('warning')).toBe(WORKFLOW_ANNOTATIONS_PER_LEVEL);
    // GitHub drops the 11th notice of a step: the counting notice takes the 10th slot.
    expect(count('notice')).toBe(WORKFLOW_ANNOTATIONS_PER_LEVEL);
    const last = parsed[parsed.length - 1] as Parsed;
    expect(last.level).toBe('notice');
    expect(last.props.file).toBeUndefined();
    // 45 findings, 29 annotated: 5 error, 2 warning, 9 notice left.
    expect(last.message).toContain('16 more findings not annotated here (5 error, 2 warning, 9 notice)');
    expect(cmds).toHaveLength(30);
  });

  it('keeps all 10 notices for findings when nothing overflows', () => {
    const cmds = buildAnnotationCommands(makeReport({ findings: [...many('low', 5), ...many('info', 5)] }));
    expect(cmds.map(parse).filter((p) => p.level === 'notice')).toHaveLength(10);
    expect(cmds.some((c) => c.includes('more finding'))).toBe(false);
  });

  it('chooses failing and new first, then severity, then lines in the PR diff', () => {
    const existingCritical = many('critical', 10, { new: false });
    const newHigh = many('high', 10, { new: true });
    const cmds = buildAnnotationCommands(makeReport({ findings: [...existingCritical, ...newHigh] })).map(parse);
    const errors = cmds.filter((p) => p.level === 'error');
    expect(errors).toHaveLength(10);
    expect(errors.every((p) => (p.props.title as string).includes('new'))).toBe(true);

    // Same severity and newness: lines in the diff win.
    const lows = Array.from({ length: 15 }, (_, i) => makeFinding({ severity: 'low', new: false, path: 'Dockerfile', line: i + 1, message: `low ${i + 1}` }));
    const changed = new Map([['Dockerfile', new Set([13, 14, 15])]]);
    const picked = buildAnnotationCommands(makeReport({ findings: lows }), { changedLines: changed })
      .map(parse)
      .filter((p) => p.props.file === 'Dockerfile')
      .map((p) => Number(p.props.line));
    expect(picked).toHaveLength(9);
    expect(picked.slice(0, 3)).toEqual([13, 14, 15]);
  });

  it('keeps hostile text inside one command: no line break, no injected property or command', () => {
    const findings = hostileFindings().map((f, i) => ({ ...f, location: { ...f.location, path: i === 0 ? 'a,line=999,title=x::evil\n::error::boom' : f.location.path } }));
    const cmds = buildAnnotationCommands(makeReport({ findings }));
    for (const c of cmds) {
      expect(c).not.toMatch(/[\r\n]/);
      expect(c.startsWith('::')).toBe(true);
    }
    const first = cmds.map(parse).find((p) => p.message.startsWith('cc @org/team')) as Parsed;
    expect(first.props.file).toBe('a,line=999,title=x::evil ::error::boom'.replace(' ', '\n'));
    expect(first.props.line).toBe('3');
    // Messages are capped below the runner's 4096-character cut.
    for (const p of cmds.map(parse)) expect(p.message.length).toBeLessThan(4096);
    expect(HOSTILE.length).toBeGreaterThan(5);
  });
});
