/**
Errors a user can act on. Every error that reaches the CLI edge is one of these (or is wrapped
into one there): a headline, an optional hint saying what to do, and where in the user's data it
happened when that is known.
*/

export interface SourceLocation {
  readonly path: string;
  readonly line?: number;
  readonly column?: number;
}

export class McAdvisorError extends Error {
  readonly hint?: string;
  readonly location?: SourceLocation;

  constructor(message: string, options: { hint?: string; location?: SourceLocation; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
    this.location = options.location;
  }
}

/** Wrong command-line usage. */
export class UsageError extends McAdvisorError {}
/** The database cannot be opened, is locked, or is from a newer mcadvisor. */
export class StoreError extends McAdvisorError {}
/** A rule file is invalid (the rule loader collects many of these). */
export class RuleError extends McAdvisorError {}
/** An input file cannot be read. Analysis goes on with the others. */
export class InputError extends McAdvisorError {}
/**
An input file of which nothing could be read as log lines (not a gzip archive, a link loop, a FIFO, binary data):
`path` names it and `reason` says why in a few words, for the sentence that makes its bundle UNKNOWN (model/readability.ts).
*/
export class UnreadableFileError extends InputError {
  constructor(
    message: string,
    readonly path: string,
    readonly reason: string,
    options: { hint?: string; cause?: unknown } = {},
  ) {
    super(message, options);
  }
}

/** `path:line:col` for messages. */
export function formatLocation(location: SourceLocation): string {
  let text = location.path;
  if (location.line !== undefined) text += `:${location.line}`;
  if (location.column !== undefined) text += `:${location.column}`;
  return text;
}

/** The text printed on stderr for an error at the CLI edge. */
export function formatError(error: unknown): string {
  if (error instanceof McAdvisorError) {
    const lines = [`mcadvisor: ${error.message}`];
    if (error.location) lines.push(`  --> ${formatLocation(error.location)}`);
    if (error.hint) lines.push(`  hint: ${error.hint}`);
    return lines.join("\n");
  }
  const message = error instanceof Error ? error.message : String(error);
  return `mcadvisor: unexpected error: ${message}\n  hint: this is a bug in mcadvisor; please report it with the command you ran.`;
}
