export interface LexOptions {
    escape: string;
    rawQuotes: boolean;
    rawEscapes: boolean;
}
/** The words of `src` as BuildKit's ProcessWords gives them, or an Error when the lexer refuses it. */
export declare function shellWords(src: string, opts: LexOptions): string[] | Error;
/** `src` as one word with quotes and escapes taken out (BuildKit's ProcessWord), unset variables kept. */
export declare function shellWord(src: string, escape: string): string | Error;
