/**
moo as the compiled grammars use it, with each lexer compiled at its first use instead of when its grammar
module is loaded (scripts/build-grammars.mjs points the generated grammars here instead of at moo).

Every run loads every grammar (the body dispatch reads their prefilters), but a run reads few of them: a
one-line syslog parses with one body grammar, and compiling all twelve lexers (moo builds one large regex
per lexer state) was about a tenth of a one-line analyze's start-up. What a lexer does is moo's own: the
first call that needs it compiles it with the same rules, and everything goes to that lexer from then on.
*/

import moo from "moo";
import type { Lexer, LexerState, Rules, Token } from "moo";

/** A moo lexer whose compilation waits for its first use. */
class LazyLexer implements Lexer {
  private compiled: Lexer | undefined;

  constructor(private readonly build: () => Lexer) {}

  private lexer(): Lexer {
    return (this.compiled ??= this.build());
  }

  reset(chunk?: string, state?: LexerState): this {
    this.lexer().reset(chunk, state);
    return this;
  }

  next(): Token | undefined {
    return this.lexer().next();
  }

  save(): LexerState {
    return this.lexer().save();
  }

  formatError(token?: Token, message?: string): string {
    return this.lexer().formatError(token, message);
  }

  /** moo's own answer, which does not depend on the rules: every name may be a token type. */
  has(tokenType: string): boolean {
    void tokenType;
    return true;
  }

  pushState(state: string): void {
    this.lexer().pushState(state);
  }

  popState(): void {
    this.lexer().popState();
  }

  setState(state: string): void {
    this.lexer().setState(state);
  }

  [Symbol.iterator](): Iterator<Token> {
    return this.lexer()[Symbol.iterator]();
  }
}

const lazyMoo = {
  compile: (rules: Rules): Lexer => new LazyLexer(() => moo.compile(rules)),
  states: (states: { [state: string]: Rules }, start?: string): Lexer => new LazyLexer(() => moo.states(states, start)),
  keywords: moo.keywords,
  error: moo.error,
  fallback: moo.fallback,
};

export default lazyMoo;
