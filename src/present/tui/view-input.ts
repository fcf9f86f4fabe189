/**
One keyboard listener for the whole TUI (the App's), handing the keys it does not use itself to the
view on screen. Views register their handler while rendering, not in an effect, so a key typed right
after a view appears already reaches that view (ink's own per-hook listeners attach only after the
frame is drawn, and a key in between would be lost).
*/
import { createContext, useContext, useEffect, useRef, useState } from "react";
import { useInput, type Key } from "ink";

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

const noKey: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

/**
ink hands over a burst of plain keys (typed ahead, pasted, or batched by a slow link) as one string,
"\rjjk"; each character is a key of its own here, as if typed one by one.
*/
export function splitKeys(input: string, key: Key): Array<readonly [string, Key]> {
  // Enter typed before the first frame switched the terminal to raw mode arrives as a line feed (ICRNL).
  if (input === "\n" && !key.return) return [["", { ...noKey, return: true }]];
  const special = Object.entries(key).some(([name, value]) => value === true && name !== "shift" && name !== "ctrl" && name !== "meta");
  if (input.length <= 1 || special || key.ctrl || key.meta) return [[input, key]];
  return [...input].map((character): readonly [string, Key] => {
    if (character === "\r" || character === "\n") return ["", { ...noKey, return: true }];
    if (character === "\t") return ["", { ...noKey, tab: true }];
    if (character === "\u007f") return ["", { ...noKey, delete: true }];
    if (character === "\b") return ["", { ...noKey, backspace: true }];
    if (character === "\u001b") return ["", { ...noKey, escape: true, meta: true }];
    const code = character.charCodeAt(0);
    if (code > 0 && code < 27) return [String.fromCharCode(code + 96), { ...noKey, ctrl: true }];
    return [character, { ...noKey, shift: /[A-Z]/.test(character) }];
  });
}

/**
Keys are handled one per frame: a burst (a paste, "jjjj" from key repeat over a slow link) then sees
the state and the view each previous key produced, not the state of the frame it arrived in.
*/
export function useKeyQueue(onKey: KeyHandler): void {
  const queue = useRef<Array<readonly [string, Key]>>([]);
  const [queued, setQueued] = useState(0);
  useInput((input, key) => {
    queue.current.push(...splitKeys(input, key));
    setQueued((count) => count + 1);
  });
  useEffect(() => {
    const next = queue.current.shift();
    if (!next) return;
    onKey(next[0], next[1]);
    if (queue.current.length > 0) setQueued((count) => count + 1);
  }, [queued]);
}
