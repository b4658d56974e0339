/**
 * Probe rules without Docker: a ProbeVerdict made from a short description of what the starts
 * gave (status, the flag group that was in the way, the first start's stderr, non-JSON lines,
 * the tools listed), and the Dockerfile the image was "built" from.
 */
import { describe, expect, it } from 'vitest';
import { finalStage, parseDockerfile } from '../../src/core/dockerfile/model.js';
import { leastPrivilege, without, type FlagGroup } from '../../src/core/probe/profile.js';
import type { Attempt, ProbeTool, ProbeVerdict } from '../../src/core/probe/search.js';
import type { ProbeRule, ProbeRuleContext } from '../../src/rules/probe/types.js';
import type { RuleHit } from '../../src/core/types.js';

export interface ProbeDesc {
  status: ProbeVerdict['status'];
  /** The flag group whose removal made it work (hardened-fails); none = not found. */
  culprit?: FlagGroup;
  failure?: Attempt['failure'];
  stderr?: string;
  nonJson?: string[];
  /** Tools the passing start listed (default ['echo']): `name`, with `~dX` (description hash X), `~sX` (schema hash X), `+ro` (readOnlyHint true), `+nd` (destructiveHint false), `+d` (destructiveHint true). */
  tools?: string[];
  /** The baseline's tool surface, in the same form; absent: no baseline. */
  baseline?: string[];
  imageUser?: string;
}

/** One tool from its short form (see ProbeDesc.tools). */
export function toolOf(spec: string): ProbeTool {
  const [name, ...parts] = spec.split(/(?=[~+])/);
  const t: ProbeTool = { name: name!, descriptionHash: 'd', schemaHash: 's' };
  const hints: NonNullable<ProbeTool['annotations']> = {};
  for (const p of parts) {
    if (p.startsWith('~d')) t.descriptionHash = p.slice(2);
    else if (p.startsWith('~s')) t.schemaHash = p.slice(2);
    else if (p === '+ro') hints.readOnlyHint = true;
    else if (p === '+nd') hints.destructiveHint = false;
    else if (p === '+d') hints.destructiveHint = true;
    else throw new Error(`tool spec "${spec}": unknown part "${p}"`);
  }
  return Object.keys(hints).length > 0 ? { ...t, annotations: hints } : t;
}

export function probeVerdict(d: ProbeDesc): ProbeVerdict {
  const profile = leastPrivilege({ imageUser: d.imageUser ?? '', transport: 'stdio' });
  const tools = (d.tools ?? ['echo']).map(toolOf);
  const ok = (flags: Attempt['flags']): Attempt => ({ flags, ok: true, stderr: '', nonJson: d.nonJson ?? [], tools, serverName: 'fixture', durationMs: 1 });
  const bad = (flags: Attempt['flags']): Attempt => ({ flags, ok: false, failure: d.failure ?? 'exited', stderr: d.stderr ?? '', nonJson: d.nonJson ?? [], durationMs: 1 });
  if (d.status === 'passed') return { profile, attempts: [ok(profile)], proven: profile, status: 'passed', culprits: [] };
  if (d.status === 'broken') return { profile, attempts: [bad(profile), bad([])], status: 'broken', culprits: [] };
  const attempts = [bad(profile), ok([])];
  if (!d.culprit) return { profile, attempts, proven: [], status: 'hardened-fails', culprits: [] };
  const proven = without(profile, [d.culprit]);
  attempts.push(ok(proven));
  return { profile, attempts, proven, status: 'hardened-fails', culprits: [d.culprit] };
}

export function probeRuleContext(dockerfile: string, d: ProbeDesc): ProbeRuleContext {
  const model = parseDockerfile('Dockerfile', dockerfile);
  return { path: 'Dockerfile', model, final: finalStage(model)!, verdict: probeVerdict(d), ...(d.baseline ? { baseline: d.baseline.map(toolOf) } : {}) };
}

/** Docs fences: ```dockerfile failing probe="hardened-fails" culprit="read-only" stderr="…" nonjson="a|b" tools="echo"``` (`\n` in stderr is a newline). */
export function probeDescFromAttrs(attrs: Record<string, string>): ProbeDesc {
  const status = attrs['probe'] as ProbeDesc['status'] | undefined;
  if (status !== 'passed' && status !== 'broken' && status !== 'hardened-fails') throw new Error(`probe="${status}" is not a probe status`);
  return {
    status,
    culprit: attrs['culprit'] as FlagGroup | undefined,
    failure: attrs['failure'] as Attempt['failure'],
    stderr: attrs['stderr']?.replace(/\\n/g, '\n'),
    nonJson: attrs['nonjson'] !== undefined ? attrs['nonjson'].split('|') : undefined,
    tools: attrs['tools'] !== undefined ? attrs['tools'].split(/\s+/).filter(Boolean) : undefined,
    imageUser: attrs['image-user'],
    baseline: attrs['baseline'] !== undefined ? attrs['baseline'].split(/\s+/).filter(Boolean) : undefined,
  };
}

export interface ProbeCase {
  name: string;
  dockerfile: string;
  probe: ProbeDesc;
  lines?: number[];
  message?: string | RegExp;
  /** The severity of every hit, when the rule sets it per hit. */
  severity?: RuleHit['severity'];
}

export function probeRuleTable(rule: ProbeRule, table: { fires: ProbeCase[]; passes: ProbeCase[] }): void {
  describe(`${rule.meta.id} ${rule.meta.name}`, () => {
    it('has at least 3 firing and 3 non-firing cases', () => {
      expect(table.fires.length).toBeGreaterThanOrEqual(3);
      expect(table.passes.length).toBeGreaterThanOrEqual(3);
    });
    it.each(table.fires.map((c) => [c.name, c] as const))('fires: %s', (_n, c) => {
      const hits: RuleHit[] = rule.check(probeRuleContext(c.dockerfile, c.probe));
      expect(hits.length).toBeGreaterThan(0);
      for (const h of hits) {
        expect(h.key).not.toMatch(/\bline\s*\d/);
        if (c.message) expect(h.message).toMatch(c.message);
        if (c.severity) expect(h.severity ?? rule.meta.severity).toBe(c.severity);
      }
      if (c.lines) expect(hits.map((h) => h.line)).toEqual(c.lines);
    });
    it.each(table.passes.map((c) => [c.name, c] as const))('passes: %s', (_n, c) => {
      expect(rule.check(probeRuleContext(c.dockerfile, c.probe))).toEqual([]);
    });
  });
}
