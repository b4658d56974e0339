export interface HeredocHead {
    name: string;
    fd: number;
    expand: boolean;
    chomp: boolean;
}
/** The heredoc a word opens, undefined when it opens none, an Error when BuildKit refuses it. */
export declare function parseHeredoc(word: string): HeredocHead | undefined | Error;
/** The heredocs an instruction line opens, in order. */
export declare function heredocsFromLine(line: string): HeredocHead[] | Error;
