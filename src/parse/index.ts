/**
The parse stage: log lines in, headers and typed events out. Every message shape lives in
grammars/*.ne; this folder only dispatches lines to the compiled grammars and keeps per-file context.
*/

export { parseHeader, MAX_HEADER_INPUT } from "./header.js";
export type { FileKind } from "./header.js";
export { parseBody, eventsFrom, parseWith, clearBodyCache, MAX_BODY_INPUT } from "./body.js";
export type { BodyOptions, ParseCounters } from "./body.js";
export { createFileParser, parseText, naiveTime } from "./file.js";
export type { FileParser, FileParserContext, FileParserOptions, ParsedLine, ParseTextOptions } from "./file.js";
export { grammars, grammarNamed, runGrammar, checkGrammarModule } from "./registry.js";
export type { GrammarEntry, GrammarRole, GrammarSample } from "./registry.js";
export { GrammarError } from "./errors.js";
export { unreadReplicationLine, replicationTerms, replicationVocabulary, compileVocabulary } from "./unread.js";
export type { Vocabulary } from "./unread.js";
