/**
 * The one writer of the action's job log. Every line the action prints goes through here:
 * registered secrets are redacted, untrusted text is escaped so that it cannot become a
 * workflow command (no line of ours starts with `::` unless it is a command we issue; CR, LF and
 * `%` are encoded), and long blocks of tool output are fenced in
 * `::stop-commands::<random token>` … `::<token>::`.
 */
import * as core from '@actions/core';
import { randomBytes } from 'node:crypto';
import type { Logger } from '../core/types.js';
import { SecretRegistry } from '../core/secret-registry.js';
import { stripEscapes } from '../core/controls.js';
import { escapeWorkflowCommandData, escapeWorkflowCommandProperty } from '../reporters/escape.js';

/**
 * Untrusted text → one log line: controls stripped, `%`, CR, LF encoded, and a leading `::`
 * (after any whitespace, as the runner trims it) encoded so the line is never a command.
 */
export function logLine(text: string): string {
  const s = escapeWorkflowCommandData(stripEscapes(text));
  return s.replace(/^(\s*):/, '$1%3A');
}

export interface CommandProperties {
  [name: string]: string | number | undefined;
}

export class ActionLog implements Logger {
  constructor(
    readonly secrets: SecretRegistry,
    private readonly write: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
  ) {
    // the runner masks them too (second line of defence for anything a tool prints directly)
    secrets.onAdd((v) => core.setSecret(v));
  }

  private clean(text: unknown): string {
    return this.secrets.redact(String(text ?? ''));
  }

  /** A workflow command the action issues itself: name and property names are ours, values are escaped. */
  command(name: string, props: CommandProperties, data: unknown): void {
    if (!/^[a-z][a-z-]*$/.test(name)) throw new Error(`not a workflow command name: ${name}`);
    const p = Object.entries(props)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => `${k}=${escapeWorkflowCommandProperty(this.clean(v))}`)
      .join(',');
    this.write(`::${name}${p ? ' ' + p : ''}::${escapeWorkflowCommandData(stripEscapes(this.clean(data)))}`);
  }

  /** A pre-rendered command line from the annotation renderer (already escaped), redacted. */
  rawCommand(line: string): void {
    const l = this.clean(line);
    if (!/^::[a-z-]+( [^\r\n]*)?::[^\r\n]*$/.test(l)) throw new Error('not a single workflow command line');
    this.write(l);
  }

  debug(m: string): void {
    this.command('debug', {}, m);
  }
  info(m: string): void {
    this.write(logLine(this.clean(m)));
  }
  warning(m: string): void {
    this.command('warning', {}, m);
  }
  error(m: string): void {
    this.command('error', {}, m);
  }
  notice(m: string): void {
    this.command('notice', {}, m);
  }

  /** A long block of tool output, printed verbatim (redacted) with command processing stopped. */
  block(title: string, text: string): void {
    const token = randomBytes(16).toString('hex');
    this.info(title);
    this.write(`::stop-commands::${token}`);
    for (const line of stripEscapes(this.clean(text)).split(/\r?\n|\r/)) this.write(line);
    this.write(`::${token}::`);
  }

  /**
   * One phase of the run in a collapsible group of the job log (`::group::` … `::endgroup::`). The
   * group is closed whatever `fn` does; groups do not nest on the runner, so an inner call just runs.
   */
  async group<T>(title: string, fn: () => Promise<T> | T): Promise<T> {
    if (this.inGroup) return await fn();
    this.inGroup = true;
    this.command('group', {}, title);
    try {
      return await fn();
    } finally {
      this.write('::endgroup::');
      this.inGroup = false;
    }
  }
  private inGroup = false;

  /** Fails the step with a redacted, escaped message. */
  setFailed(m: string): void {
    process.exitCode = 1;
    this.error(m);
  }

  /** A step output, redacted. */
  setOutput(name: string, value: string | number): void {
    core.setOutput(name, typeof value === 'number' ? value : this.clean(value));
  }
}
