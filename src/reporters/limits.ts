/**
 * Platform caps every reporter stays under, each with where it comes from. Keep them here, named,
 * so a change on GitHub's side is a one-line change (and a failing test) rather than a hunt.
 */

/**
 * Issue / pull-request comment body. GitHub answers `422 Validation Failed: Body is too long
 * (maximum is 65536 characters)` above it (REST `POST /repos/{o}/{r}/issues/{n}/comments`).
 */
export const COMMENT_MAX_CHARS = 65536;

/** Check run `output.summary`: `maxLength: 65535` in GitHub's OpenAPI description (`checks/create`). */
export const CHECK_RUN_SUMMARY_MAX = 65535;

/** Check run `output.text`: `maxLength: 65535` in GitHub's OpenAPI description (`checks/create`). */
export const CHECK_RUN_TEXT_MAX = 65535;

/** Check run `output.title`: a short line; GitHub truncates long titles in the UI. Our own cap. */
export const CHECK_RUN_TITLE_MAX = 255;

/**
 * Check run annotations: `maxItems: 50` per create/update request (OpenAPI `checks/create`,
 * `checks/update`); more are appended with further `PATCH` calls.
 */
export const ANNOTATIONS_PER_REQUEST = 50;

/** Check run annotation `title`: "The title that represents the annotation. The maximum size is 255 characters." (OpenAPI). */
export const ANNOTATION_TITLE_MAX = 255;

/**
 * Check run annotation `message` and `raw_details`: "The maximum size is 64 KB" (OpenAPI). We stay
 * well under it in characters (a character can take up to 4 bytes in UTF-8).
 */
export const ANNOTATION_MESSAGE_MAX_BYTES = 65536;

/**
 * `$GITHUB_STEP_SUMMARY`: "supports content up to a size of 1024k" per step; above it the upload
 * for that step is aborted and an error annotation is shown (GitHub docs, workflow commands,
 * "Step isolation and limits").
 */
export const STEP_SUMMARY_MAX_BYTES = 1048576;

/**
 * Head-room kept below STEP_SUMMARY_MAX_BYTES for whatever the publisher appends (a trailing
 * newline from `core.summary`, another section of the same step).
 */
export const STEP_SUMMARY_HEADROOM_BYTES = 1024;

/**
 * Workflow-command annotations shown per step and per level (`error`, `warning`, `notice`):
 * GitHub docs "GitHub Actions are limited to 10 warning annotations and 10 error annotations per
 * step" (OpenAPI check-runs description; docs message parameters); the runner counts `notice`
 * the same way (actions/runner `ExecutionContext.AddIssue`, one counter per issue type).
 * Extra ones are dropped without a word.
 */
export const WORKFLOW_ANNOTATIONS_PER_LEVEL = 10;

/**
 * Workflow-command annotations per job (sum over steps): 50 (GitHub docs, message parameters).
 * 3 × WORKFLOW_ANNOTATIONS_PER_LEVEL stays under it for our one step.
 */
export const WORKFLOW_ANNOTATIONS_PER_JOB = 50;

/**
 * The runner cuts an annotation message longer than 4096 characters before forwarding it to the
 * check annotation (actions/runner `ExecutionContext`, `_maxIssueMessageLength = 4096`).
 */
export const WORKFLOW_ANNOTATION_MESSAGE_MAX = 4096;
