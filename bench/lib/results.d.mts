export interface GoalVerdict {
  id: string;
  goal: string;
  figure: string;
  verdict: "PASS" | "MISS" | "n/a";
  note: string;
}
export declare function mib(bytes: number | null | undefined): number | null;
export declare function judgeGoals(results: Record<string, unknown>): GoalVerdict[];
export declare function formatMarkdown(results: Record<string, unknown>): string;
export interface TargetVerdict {
  id: string;
  figure: string;
  before: string;
  target: string;
  measured: string;
  verdict: "PASS" | "MISS" | "n/a";
}
export declare function judgeTargets(results: Record<string, unknown>): TargetVerdict[];
