// TEMP: another branch splits image-tar.ts and edits trufflehog.ts; they still import from here. Removed at merge (import src/core/image/layer-map.ts).
export type { HistoryEntry, LayerMap, LayerSite } from '../core/image/layer-map.js';
