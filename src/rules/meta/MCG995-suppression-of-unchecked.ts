// TEMP: another branch edits core/suppress.ts, which still imports from here. Removed at merge (import src/core/meta-rules/).
export { meta } from '../../core/meta-rules/MCG995-suppression-of-unchecked.js';
