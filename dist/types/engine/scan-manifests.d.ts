import { type BuiltTarget } from '../core/mcp/built-image.js';
import type { ScanRun, ScanState } from './scan-state.js';
/** Checks the YAML files; returns how many were checked. */
export declare function scanYamlFiles(s: ScanState, run: ScanRun, yamlFiles: readonly string[]): number;
/** Checks the MCP files (server.json, client configs, catalog entries, README fences); returns how many were checked. */
export declare function scanMcpFiles(s: ScanState, run: ScanRun, mcpFiles: readonly string[], built: readonly BuiltTarget[]): number;
