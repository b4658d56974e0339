/**
 * Which variables hold secrets, and which of their values are written-in secrets. One judgement
 * for every rule that reports a secret in a file (MCG009, MCG010, MCG109, MCG213) and for the
 * redaction helpers (MCG510, MCG514, the secret registry). Pure.
 */
/** True when a variable of this name is meant to hold a secret. */
export declare function isSecretName(name: string): boolean;
export declare function isPathValue(value: string): boolean;
export declare function hasVariableReference(value: string): boolean;
/** Why a value is not a literal secret, or undefined when it is one. */
export declare function notLiteralReason(value: string | undefined | null): string | undefined;
/** True when the value is a secret written into the file: not empty, no reference, no switch, no path. */
export declare function isLiteralSecretValue(value: string | undefined | null): boolean;
/** The whole judgement: a variable of this name is set to a secret written into the file. */
export declare function isLiteralSecret(name: string, value: string | undefined | null): boolean;
