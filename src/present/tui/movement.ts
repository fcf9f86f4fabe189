import type { Key } from "ink";

/** Where a list key moves the cursor: by rows, by a page, or to an end. null: not a movement key. */
export type Movement = { readonly by: number } | { readonly to: "first" | "last" };

export function movementOf(input: string, key: Key, pageRows: number): Movement | null {
  const page = Math.max(pageRows - 1, 1);
  if (key.downArrow || input === "j") return { by: 1 };
  if (key.upArrow || input === "k") return { by: -1 };
  if (key.pageDown || input === " " || (key.ctrl && input === "f")) return { by: page };
  if (key.pageUp || (key.ctrl && input === "b")) return { by: -page };
  if (key.home || input === "g") return { to: "first" };
  if (key.end || input === "G") return { to: "last" };
  return null;
}

/** Applies a movement to a cursor over `count` rows. */
export function moveCursor(cursor: number, movement: Movement, count: number): number {
  if (count === 0) return 0;
  if ("to" in movement) return movement.to === "first" ? 0 : count - 1;
  return Math.max(0, Math.min(cursor + movement.by, count - 1));
}
