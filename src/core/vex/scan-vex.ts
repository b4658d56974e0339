/**
 * The `vex:` files of a scan: read from the repository (confined to the workspace), handed to
 * Trivy (which decides for the findings it reports), and applied by us to what Trivy did not
 * decide, so a report merged without Trivy (mode: report, `mcg merge`) reads them the same way.
 * A VEX file that cannot be read is a failing "not checked" finding at its line, never a silence.
 */
import { confine, readText, repoPath } from '../files.js';
import type { Finding } from '../types.js';
import { applyVex, type VexNotice } from './apply.js';
import { readVex, type VexStatement } from './read.js';

export interface LoadedVex {
  /** Repository-relative path of each readable document, in the order given. */
  paths: string[];
  documents: VexStatement[][];
  errors: Array<{ path: string; line: number; message: string }>;
}

export function loadVex(root: string, files: readonly string[]): LoadedVex {
  const out: LoadedVex = { paths: [], documents: [], errors: [] };
  for (const file of files) {
    let abs: string;
    try {
      abs = confine(root, file, 'vex');
    } catch (e) {
      out.errors.push({ path: file, line: 1, message: `the VEX file is not inside the workspace: ${e instanceof Error ? e.message : String(e)}` });
      continue;
    }
    const rel = repoPath(root, abs);
    const r = readText(abs);
    if (!r.ok) {
      out.errors.push({ path: rel, line: r.line, message: `the VEX file could not be read: ${r.message}` });
      continue;
    }
    const v = readVex(r.text, rel);
    if (!v.ok) {
      out.errors.push({ path: rel, line: v.line, message: `${v.message}; fix the file or remove it from the vex input` });
      continue;
    }
    out.paths.push(rel);
    out.documents.push(v.statements);
  }
  return out;
}

/**
 * After the image scanners: Trivy's own VEX decisions name the file by the absolute path it was
 * given; they are shown with the repository path and the line of our reading of the statement.
 * Then our reading decides for the rest. Returns the statements ignored as being about another product.
 */
export function settleVex(findings: Finding[], vex: LoadedVex, target: { target: string; imageNames: readonly string[] }, root: string): VexNotice[] {
  if (vex.documents.length === 0) return [];
  for (const f of findings) {
    const where = f.suppressed?.where;
    if (f.source !== 'trivy' || !where || !where.startsWith('/')) continue;
    const rel = repoPath(root, where);
    if (!vex.paths.includes(rel)) {
      // a document we did not give Trivy: its decision cannot be shown with a repository line,
      // and its runner path must not reach an output, so it is not taken (our reading decides)
      f.suppressed = undefined;
      continue;
    }
    const probe = [{ ...f, suppressed: undefined }];
    applyVex(probe, vex.documents, target);
    f.suppressed = probe[0]!.suppressed ?? { ...f.suppressed!, where: rel };
  }
  return applyVex(findings, vex.documents, target);
}
