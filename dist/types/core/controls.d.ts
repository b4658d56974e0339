export declare function stripEscapes(text: string): string;
/**
 * Untrusted text made fit for a message: escape sequences and controls removed (TAB and LF kept),
 * invisible characters shown, and each byte that was not UTF-8 one U+FFFD (as Go prints it).
 */
export declare function visibleText(text: string): string;
