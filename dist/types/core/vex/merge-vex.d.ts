/**
 * VEX in a merge (`mcg merge --vex`, mode: report's `vex` input). The merging job trusts no
 * suppression an artifact claims, VEX decisions included, so it applies its own VEX files — read
 * from its own checkout — to every target's image findings, each target's image named by its
 * report. A statement no target takes is reported once (not once per target).
 */
import type { Finding, TargetInfo } from '../types.js';
import { type VexNotice } from './apply.js';
import type { VexStatement } from './read.js';
export declare function applyVexToTargets(findings: Finding[], documents: ReadonlyArray<readonly VexStatement[]>, targets: Iterable<TargetInfo>): VexNotice[];
