import { McAdvisorError } from "../errors.js";

/** A grammar module breaks its contract, or a grammar gave more than one parse for a line (a grammar bug). */
export class GrammarError extends McAdvisorError {
  readonly grammar: string;
  /** The text that was parsed, when the error is about one line. */
  readonly text?: string;

  constructor(message: string, options: { grammar: string; text?: string; hint?: string; location?: { path: string; line?: number } }) {
    super(message, { hint: options.hint, location: options.location });
    this.grammar = options.grammar;
    this.text = options.text;
  }
}
