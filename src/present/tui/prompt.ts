/** The one-line prompt at the bottom (`/` search, `f` filters): editing is a pure function of the key. */
import type { Key } from "ink";

export interface Prompt {
  readonly kind: "search" | "filter";
  readonly value: string;
}

export type PromptOutcome =
  | { readonly type: "editing"; readonly prompt: Prompt }
  | { readonly type: "cancelled" }
  | { readonly type: "submitted"; readonly prompt: Prompt };

export function editPrompt(prompt: Prompt, input: string, key: Key): PromptOutcome {
  if (key.escape) return { type: "cancelled" };
  if (key.return) return { type: "submitted", prompt };
  if (key.backspace || key.delete) return { type: "editing", prompt: { ...prompt, value: prompt.value.slice(0, -1) } };
  // Control characters never enter the text (they would reach the terminal when it is echoed).
  if (key.ctrl || key.meta || input.length === 0 || /[\u0000-\u001f\u007f-\u009f]/.test(input)) return { type: "editing", prompt };
  return { type: "editing", prompt: { ...prompt, value: prompt.value + input } };
}

export function promptLabel(prompt: Prompt): string {
  return prompt.kind === "search" ? "search logs: " : "filter (host= package= program= level=): ";
}
