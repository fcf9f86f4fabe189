/**
One keyboard listener for the whole TUI (the App's), handing the keys it does not use itself to the
view on screen. Views register their handler while rendering, not in an effect, so a key typed right
after a view appears already reaches that view (ink's own per-hook listeners attach only after the
frame is drawn, and a key in between would be lost).
*/
import { createContext, useContext } from "react";
import type { Key } from "ink";

export type KeyHandler = (input: string, key: Key) => void;

export interface KeyRegistry {
  current: KeyHandler | null;
  /** Which view registered `current`: keys typed ahead of a view switch are not given to the old view. */
  owner: string | null;
}

export const KeyRegistryContext = createContext<KeyRegistry>({ current: null, owner: null });
KeyRegistryContext.displayName = "InternalKeyRegistry";

/** Makes `handler` receive the view keys while `active` (the view on screen, no prompt or help open). */
export function useViewInput(handler: KeyHandler, options: { readonly isActive: boolean; readonly owner: string }): void {
  const registry = useContext(KeyRegistryContext);
  if (options.isActive) {
    registry.current = handler;
    registry.owner = options.owner;
  }
}
