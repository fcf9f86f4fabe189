/**
A nearley lexer that wraps a moo lexer and drops token types that carry no meaning for the grammar
(blanks, punctuation), so body grammars can be written over words. It also gives each token a
reference to the whole input (`source`), so a postprocessor can take the raw text from a token to
the end of the line (an ERROR detail, a command's arguments) without joining words back up.

Generic: it knows nothing about any message. Imported by the compiled grammars.
*/

import type { Lexer, Token } from "moo";

export interface SourcedToken extends Token {
  /** The whole text being parsed. */
  source: string;
}

export interface FilteredLexer {
  reset(chunk: string, state?: unknown): void;
  next(): SourcedToken | undefined;
  save(): unknown;
  formatError(token: Token, message?: string): string;
  /** Only the kept types are token types; any other `%name` in a grammar is a JS token matcher. */
  has(tokenType: string): boolean;
}

/** The type of the token `endToken` adds after the last one. */
export const END_OF_INPUT = "eol";

/**
`endToken`: after the last token, emit one `eol` token (empty text). A grammar whose start rule
ends with `%eol` completes only at the end of the input, so nearley runs its postprocessors once
instead of after every token (a rule ending in `word:*` completes at every prefix).
*/
export function filteredLexer(lexer: Lexer, options: { keep: readonly string[]; drop: readonly string[]; endToken?: boolean }): FilteredLexer {
  const keep = new Set(options.keep);
  if (options.endToken) keep.add(END_OF_INPUT);
  const drop = new Set(options.drop);
  let source = "";
  let ended = false;
  return {
    reset(chunk: string, state?: unknown): void {
      source = chunk;
      ended = false;
      lexer.reset(chunk, state as never);
    },
    next(): SourcedToken | undefined {
      for (;;) {
        const token = lexer.next();
        if (token === undefined) {
          if (!options.endToken || ended) return undefined;
          ended = true;
          return { type: END_OF_INPUT, value: "", text: "", offset: source.length, lineBreaks: 0, line: 0, col: 0, toString: () => "", source };
        }
        if (token.type !== undefined && drop.has(token.type)) continue;
        const sourced = token as SourcedToken;
        sourced.source = source;
        return sourced;
      }
    },
    save: () => lexer.save(),
    formatError: (token: Token, message?: string) => lexer.formatError(token, message),
    has: (tokenType: string) => keep.has(tokenType),
  };
}

/** True for every real token (not the end-of-input marker): the body of an "any token" matcher. */
export function isRealToken(token: { type?: string } | undefined): boolean {
  return token !== undefined && token.type !== END_OF_INPUT;
}

/** The raw input from the start of `token` (or from its end, with `after`) to the end of the line, trimmed. */
export function restOfLine(token: SourcedToken, after = false): string {
  return token.source.slice(token.offset + (after ? token.text.length : 0)).trim();
}
