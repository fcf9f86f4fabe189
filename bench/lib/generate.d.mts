export declare const GENERATOR_VERSION: number;
export declare const INPUT_MTIME: Date;
export interface WrittenFile {
  lines: number;
  bytes: number;
  sha256: string;
}
export declare function generateSyslog(options: {
  path: string;
  lines: number;
  seed: string;
  startMs: number;
  meanGapSeconds?: number;
}): WrittenFile & { serviceguardLines: number };
export declare function generateBundle(options: {
  directory: string;
  samplesDirectory: string;
  incident?: string;
  lines?: number;
  seed: string;
}): WrittenFile & { files: number; serviceguardLines: number; incident: string };
