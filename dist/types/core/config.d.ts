import type { FailOn, Severity } from './types.js';
import type { RuleSettings } from './rule-hits.js';
import type { IgnoreEntry } from './suppress.js';
export declare class ConfigError extends Error {
    readonly file: string;
    readonly line: number;
    constructor(message: string, file: string, line: number);
}
export interface McgConfig {
    file?: string;
    severityThreshold?: Severity;
    failOn?: FailOn;
    rules: RuleSettings;
    ignore: IgnoreEntry[];
    imageSizeBudget: number;
    include: string[];
    exclude: string[];
    trivy: {
        enabled: boolean;
        ignoreUnfixed: boolean;
        timeoutMinutes?: number;
    };
    trufflehog: {
        enabled: boolean;
        verify?: boolean;
        timeoutMinutes?: number;
    };
}
export declare const DEFAULT_IMAGE_SIZE_BUDGET: number;
export declare function defaultConfig(): McgConfig;
export declare function parseSize(v: number | string): number;
/** Loads config text. `file` is the repository-relative path used in messages and MCG900 findings. */
export declare function parseConfig(file: string, text: string): McgConfig;
