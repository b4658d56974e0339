/**
 * The Dockerfile as the rules see it: stages, instructions with 1-based lines,
 * flags, exec/shell forms, heredocs, ARG defaults substituted. Built on our own parser
 * (reader/: BuildKit's grammar, held to BuildKit by test/differential/buildkit-reader.test.ts) and kept pure.
 * The types are in model-types.ts, what RUN/CMD execute in run-script.ts, fingerprint text in
 * normalized.ts; everything is exported from here as before.
 */
import { type ParsedDockerfile } from './reader/parsed.js';
import type { DockerfileModel } from './model-types.js';
export { parseImageRef } from './from-base.js';
export type { DockerfileModel, Heredoc, ImageRef, Instruction, InstructionMemo, ParseIssue, Placed, Property, Stage, StageMemo } from './model-types.js';
export { commandsOf, runScript } from './run-script.js';
export { normalizedText } from './normalized.js';
export { expand, processWord, MAX_EXPANDED, ExpansionError } from './expand.js';
export { chainInstructions, chainPlaced, finalStage, imageEnv, resolveStageRef, rootImage, stageChain, variablesAt, rawProperties, type VariablesMemo, } from './stages.js';
/**
 * The blank-separated words of a text: `text.trim().split(/\s+/).filter(Boolean)` without the
 * regular expression and the empty strings (every FROM, EXPOSE and COPY asks for them).
 */
export declare function blankWords(text: string): string[];
/**
 * Parses Dockerfile text. Never throws for bad input: problems become `issues` with a line,
 * and whatever could be read is still returned so that the other rules run.
 */
export declare function parseDockerfile(path: string, text: string): DockerfileModel;
/** Builds the model from parsed instructions (exported for the differential test, which feeds it the oracle's). */
export declare function modelFromParsed(path: string, text: string, parsed: ParsedDockerfile): DockerfileModel;
