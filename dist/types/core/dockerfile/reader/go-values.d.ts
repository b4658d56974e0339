/**
 * The Go standard library's readers of flag values that BuildKit's instruction parser calls:
 * time.ParseDuration, strconv.ParseBool and ParseInt, and the one-record CSV reader
 * (github.com/tonistiigi/go-csvvalue) that splits `--mount` and `--device` values. Each answers
 * only what the instruction parser asks: does Go accept the value, and with which result.
 */
/** time.ParseDuration in nanoseconds, or undefined where Go returns an error. */
export declare function goParseDuration(text: string): bigint | undefined;
/** strconv.ParseBool, or undefined where Go returns an error. */
export declare function goParseBool(s: string): boolean | undefined;
/** strconv.ParseInt(s, 10, 32), or undefined where Go returns an error. */
export declare function goParseInt32(s: string): number | undefined;
/** go-csvvalue's Fields with a comma: the fields of one CSV record, or an Error as Go reports it. */
export declare function csvFields(text: string): string[] | Error;
