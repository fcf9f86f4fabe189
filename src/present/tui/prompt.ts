/**
The one-line prompt at the bottom (`/` search, `f` filters, `a` an acknowledgement's note and end):
editing is a pure function of the key.
*/
import type { Key } from "ink";

export type PromptKind = "search" | "filter" | "ack-note" | "ack-until" | "unack";

export interface Prompt {
  readonly kind: PromptKind;
  readonly value: string;
  /** The finding an acknowledgement prompt is about. */
  readonly findingId?: string;
  /** ack-until: the note typed before; unack: who acknowledged, shown in the question. */
  readonly note?: string;
  /** search: where it looks ("incident x", "all incidents"), said in the label. */
  readonly scope?: string;
}

export type PromptOutcome =
  { readonly type: "editing"; readonly prompt: Prompt } | { readonly type: "cancelled" } | { readonly type: "submitted"; readonly prompt: Prompt };

export function editPrompt(prompt: Prompt, input: string, key: Key): PromptOutcome {
  if (key.escape) return { type: "cancelled" };
  // A yes/no question takes one key: y answers yes, any other key no.
  if (prompt.kind === "unack") return input === "y" || input === "Y" ? { type: "submitted", prompt } : { type: "cancelled" };
  if (key.return) return { type: "submitted", prompt };
  if (key.backspace || key.delete) return { type: "editing", prompt: { ...prompt, value: prompt.value.slice(0, -1) } };
  // Control characters never enter the text (they would reach the terminal when it is echoed).
  if (key.ctrl || key.meta || input.length === 0 || /[\u0000-\u001f\u007f-\u009f]/.test(input)) return { type: "editing", prompt };
  return { type: "editing", prompt: { ...prompt, value: prompt.value + input } };
}

export function promptLabel(prompt: Prompt): string {
  const finding = (prompt.findingId ?? "").slice(0, 8);
  switch (prompt.kind) {
    case "search":
      return prompt.scope ? `search logs (${prompt.scope}): ` : "search logs: ";
    case "filter":
      return "filter (host= package= program= level=): ";
    case "ack-note":
      return `acknowledge ${finding}, note (Esc cancels): `;
    case "ack-until":
      return "until (Enter: while open; 4h 2d 18:00 2026-12-06 09:00): ";
    case "unack":
      return `remove the acknowledgement of ${finding} by ${prompt.note ?? "?"}? (y/n) `;
  }
}
