/**
 * Splits a manifest file into documents the way `kubectl apply -f` does (k8s.io/apimachinery
 * util/yaml's YAMLOrJSONDecoder, which cli-runtime's stream visitor uses). Pure, linear time.
 *
 * - A stream whose first non-whitespace character is `{` is JSON: a sequence of JSON values,
 *   one object after another, whatever the file is called.
 * - Otherwise it is YAML, cut at every line that starts with `---`. The rest of such a line may
 *   only be blanks or a `#` comment: anything else (`--- {a: 1}`, `--- |`, `----`) is an error
 *   for kubectl, which stops reading the file there. `...` is no separator for kubectl.
 */
export interface KubectlChunk {
    text: string;
    /** Lines of the file before the chunk. */
    lineOffset: number;
}
export interface KubectlSplit {
    format: 'json' | 'yaml';
    chunks: KubectlChunk[];
    /** Where kubectl stops reading the file, and why. */
    error?: {
        line: number;
        message: string;
    };
}
/** True when kubectl reads the text as a JSON stream (its first non-whitespace byte is `{`). */
export declare function looksLikeJsonStream(text: string): boolean;
export declare function splitAsKubectl(text: string): KubectlSplit;
