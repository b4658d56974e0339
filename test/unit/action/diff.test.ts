import { describe, expect, it } from 'vitest';
import { addedLines } from '../../../src/action/diff.js';

describe('addedLines', () => {
  it('counts new-file lines across hunks, skipping removed lines', () => {
    const patch = ['@@ -1,3 +1,4 @@', ' FROM node:22', '-USER node', '+RUN npm ci', '+USER root', ' CMD ["node"]', '@@ -20,2 +21,3 @@ stage', ' a', '+b', ' c'].join('\n');
    expect([...addedLines(patch)]).toEqual([2, 3, 22]);
  });

  it('a new file: every line', () => {
    expect([...addedLines('@@ -0,0 +1,3 @@\n+a\n+b\n+c')]).toEqual([1, 2, 3]);
  });

  it('ignores "no newline" markers and text before the first hunk', () => {
    expect([...addedLines('+not in a hunk\n@@ -5 +5 @@\n-x\n+y\n\\ No newline at end of file')]).toEqual([5]);
  });

  it('an empty patch adds nothing', () => {
    expect(addedLines('').size).toBe(0);
  });
});
