/** Every key the TUI answers to, by view: the help screen and docs/tui.md read this one list. */
export interface KeyHelp {
  readonly keys: string;
  readonly does: string;
}

export interface KeyGroup {
  readonly title: string;
  readonly keys: readonly KeyHelp[];
}

export const keyGroups: readonly KeyGroup[] = [
  {
    title: "Everywhere",
    keys: [
      { keys: "Tab Shift-Tab", does: "next / previous view" },
      { keys: "1 2 3 4", does: "go to view 1..4" },
      { keys: "Up Down j k", does: "move the cursor" },
      { keys: "PgUp PgDn Spc", does: "move a page" },
      { keys: "Home End g G", does: "first / last" },
      { keys: "Enter", does: "open what is selected" },
      { keys: "Esc Backspace", does: "back" },
      { keys: "/", does: "search the logs" },
      { keys: "i", does: "next incident" },
      { keys: "?", does: "this help" },
      { keys: "q", does: "quit" },
    ],
  },
  {
    title: "Enter opens",
    keys: [
      { keys: "a finding", does: "its steps and commands" },
      { keys: "evidence", does: "that line in Logs" },
      { keys: "an event", does: "its line in Logs" },
    ],
  },
  {
    title: "Findings, Detail",
    keys: [{ keys: "a", does: "acknowledge / undo it" }],
  },
  {
    title: "Detail",
    keys: [
      { keys: "s", does: "jump to the steps" },
      { keys: "e", does: "jump to the evidence" },
      { keys: "c", does: "jump to check first" },
    ],
  },
  {
    title: "Logs",
    keys: [
      { keys: "n / N", does: "next / previous match" },
      { keys: "e / E", does: "next / previous error" },
      { keys: "s", does: "cycle the level filter" },
      { keys: "h / p", does: "next host / package" },
      { keys: "f", does: "type filters" },
      { keys: "c", does: "show/hide config files" },
      { keys: "x", does: "clear filters, search" },
      { keys: "I", does: "this / all incidents" },
      { keys: "Left Right", does: "scroll sideways" },
    ],
  },
];
