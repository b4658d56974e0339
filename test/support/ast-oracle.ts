/**
 * The differential-test oracle: dockerfile-ast (the parser of the Docker language server) read into
 * the same shape as src/core/dockerfile/parser.ts gives the model. This is what the engine used
 * before it had its own parser; it is kept here, and only here, to check the new one.
 */
import { DockerfileParser, type Instruction as AstInstruction } from 'dockerfile-ast';
import type { ParsedDockerfile, ParsedInstruction, ParsedProperty } from '../../src/core/dockerfile/parser.js';

const FLAGGED = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'HEALTHCHECK']);
const PROPERTIES = new Set(['ENV', 'ARG', 'LABEL']);

interface AstFlag {
  getName(): string;
  getValue(): string | null;
  toString(): string;
}
interface AstProperty {
  getName(): string;
  getValue(): string | null;
  getRange(): { start: { line: number } };
}

function flagsOf(ast: AstInstruction): ParsedInstruction['flags'] {
  const withFlags = ast as unknown as { getFlags?: () => AstFlag[] };
  return (withFlags.getFlags?.() ?? []).map((f) => ({ name: f.getName(), value: f.getValue(), text: f.toString() }));
}

function propertiesOf(ast: AstInstruction): ParsedProperty[] {
  const withProps = ast as unknown as { getProperties?: () => AstProperty[] };
  return (withProps.getProperties?.() ?? []).map((p) => ({ name: p.getName(), value: p.getValue() ?? undefined, line: p.getRange().start.line + 1 }));
}

export function parseWithAst(text: string): ParsedDockerfile {
  const ast = DockerfileParser.parse(text);
  const directives: Record<string, string> = {};
  for (const d of ast.getDirectives()) directives[d.getName().toLowerCase()] = d.getValue();
  const instructions: ParsedInstruction[] = ast.getInstructions().map((a) => {
    const keyword = a.getKeyword().toUpperCase();
    const range = a.getRange();
    return {
      keyword,
      written: a.getInstruction(),
      line: range.start.line + 1,
      endLine: range.end.line + 1,
      flags: FLAGGED.has(keyword) ? flagsOf(a) : [],
      rest: a.getArgumentsContent() ?? '',
      properties: PROPERTIES.has(keyword) ? propertiesOf(a) : [],
    };
  });
  return { escape: ast.getEscapeCharacter(), directives, instructions };
}
