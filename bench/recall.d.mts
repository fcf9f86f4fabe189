export interface CorpusFact {
  file: string;
  fact: string;
  from: "last" | "all";
  expect: Array<{ kind: string; deviceGroup?: string | null; fields?: Record<string, unknown> }>;
  notExpect: Array<{ kind: string; deviceGroup?: string | null; fields?: Record<string, unknown> }>;
  phrasings: Array<{ body?: string; pkglog?: string; syslog?: string; config?: string; at?: number }>;
}
export interface ProducedEvent {
  kind: string;
  deviceGroup: string | null;
  fields: Record<string, unknown>;
  line: number;
}
export interface CorpusEntry {
  file: string;
  fact: string;
  phrasing: CorpusFact["phrasings"][number];
  ok: boolean;
  produced: ProducedEvent[];
  error: string | null;
}
export interface RecallResult {
  total: number;
  passed: number;
  recall: number;
  entries: CorpusEntry[];
}
export interface ParserModules {
  createFileParser: (options: never) => { parseLine(text: string): unknown };
  PairModel: new () => { apply(event: never): void; resolve(event: never): { deviceGroup: string | null; deviceGroupFrom?: string } };
}
export declare const CORPUS_DIRECTORY: string;
export declare function loadCorpus(directory?: string): CorpusFact[];
export declare function eventsOfPhrasing(modules: ParserModules, phrasing: CorpusFact["phrasings"][number], from?: "last" | "all"): ProducedEvent[];
export declare function runCorpus(modules: ParserModules, facts?: CorpusFact[]): RecallResult;
export declare function formatRecall(result: RecallResult): string;
