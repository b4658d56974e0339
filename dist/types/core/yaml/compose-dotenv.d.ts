export interface DotenvResult {
    env: Map<string, string>;
    /** Why compose refuses the file (`line N: …`), when it does. */
    error?: string;
    /** The line of the error. */
    errorLine?: number;
}
/** The variables of a `.env` text, or why compose refuses it. */
export declare function parseDotenv(text: string): DotenvResult;
