/**
The TUI's root: which view is shown, the selected finding, the Logs view's place, and the one-line
prompt for `/` and `f`. Views are mounted one at a time and get their size, data and an `active`
flag; they read the database themselves through the store's read API.
*/
import { useEffect, useMemo, useRef, useState } from "react";
import { Box, useApp, useInput, type Key } from "ink";
import type { SqliteDatabase } from "../../store/db.js";
import { listFindings } from "../../store/read.js";
import { basename } from "node:path";
import { initialNavigation, navigate, viewTitles, views, type NavigationAction, type View } from "./navigation.js";
import { KeyRegistryContext, splitKeys, type KeyRegistry } from "./view-input.js";
import { useDataVersion } from "./use-data-version.js";
import { useTerminalSize, type TerminalSize } from "./use-terminal-size.js";
import { FindingsView } from "./findings-view.js";
import { DetailView } from "./detail-view.js";
import { TimelineView } from "./timeline-view.js";
import { describeFilter, initialLogsState, LogsView, parseFilter, type LogsState } from "./logs-view.js";
import { HelpView } from "./help-view.js";
import { fit } from "./text.js";
import { plain, Rows, type Row, type Segment } from "./rows.js";
import { themeFromEnvironment, tone, type Theme } from "./theme.js";

export interface AppProps {
  readonly database: SqliteDatabase;
  /** The incidents to show (those just analysed); all in the database when absent. */
  readonly bundles?: readonly string[];
  /** How often to look for changes written by `watch` (ms). */
  readonly pollMs?: number;
  /** Fixed size (tests); otherwise the terminal's, following resizes. */
  readonly size?: TerminalSize;
  readonly theme?: Theme;
}

interface Prompt {
  readonly kind: "search" | "filter";
  readonly value: string;
}

const hints: Readonly<Record<View, string>> = {
  findings: "Enter: detail  j/k: move  Tab: views  /: search logs  ?: keys  q: quit",
  detail: "j/k: move  Enter on evidence: open in Logs  Esc: back  ?: keys  q: quit",
  timeline: "j/k: events  Enter: the event's log line  Esc: back  ?: keys  q: quit",
  logs: "/ n N: search  e E: errors  s h p f x: filters  Esc: back  ?: keys  q: quit",
};

function tabsRow(view: View, scope: string, openCount: number, width: number, theme: Theme): Row {
  const segments: Segment[] = width >= 100 ? [{ text: "mcadvisor ", bold: true }] : [];
  views.forEach((candidate, index) => {
    const label = `${index + 1} ${viewTitles[candidate]}`;
    segments.push(candidate === view ? { text: `[${label}]`, bold: true, inverse: true } : { text: ` ${label} ` });
  });
  const used = segments.reduce((sum, segment) => sum + segment.text.length, 0);
  segments.push({ text: fit(` ${openCount} open  ${scope}`, Math.max(width - used, 0)), color: tone(theme, "gray") });
  return segments;
}

export function App({ database, bundles, pollMs, size: fixedSize, theme = themeFromEnvironment() }: AppProps) {
  const { exit } = useApp();
  const size = useTerminalSize(fixedSize);
  const version = useDataVersion(database, pollMs);
  const [navigation, setNavigation] = useState(initialNavigation);
  const navigationRef = useRef(initialNavigation);
  const dispatch = (action: NavigationAction): void => {
    navigationRef.current = navigate(navigationRef.current, action);
    setNavigation(navigationRef.current);
  };
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [logs, setLogs] = useState<LogsState>(initialLogsState);
  const [prompt, setPrompt] = useState<Prompt | null>(null);
  const promptRef = useRef<Prompt | null>(null);
  const updatePrompt = (next: Prompt | null): void => {
    promptRef.current = next;
    setPrompt(next);
  };
  const registry = useRef<KeyRegistry>({ current: null, owner: null }).current;

  const submit = (typed: Prompt): void => {
    if (typed.kind === "search") {
      const search = typed.value.trim();
      setLogs((previous) => ({ ...previous, search: search === "" ? null : search, pendingSearch: search !== "", message: null }));
      if (search !== "") dispatch({ type: "open", view: "logs" });
      return;
    }
    const parsed = parseFilter(typed.value);
    if ("error" in parsed) setLogs((previous) => ({ ...previous, message: parsed.error }));
    else setLogs((previous) => ({ ...previous, filter: parsed.filter, cursor: 0, message: null }));
  };

  const scopeKey = bundles?.join("\u0000");
  const findings = useMemo(() => listFindings(database, { bundles }), [database, scopeKey, version]);
  const selected = findings.find((finding) => finding.id === selectedId) ?? findings[0];
  // Timeline and Logs follow the incident of the selected finding: one incident, one clock.
  const focusBundles = selected ? [selected.bundle] : bundles;

  const width = Math.max(size.columns, 20);
  // One row short of the screen: ink redraws the whole screen (and flickers) when a frame fills it.
  const bodyHeight = Math.max(size.rows - 3, 3);
  const busy = navigation.help || prompt !== null;

  // The keyboard is read through refs as well as state: keys typed faster than a frame (a paste, a
  // quick "/word") must see the prompt or view the previous key opened.
  const onKey = (input: string, key: Key): void => {
    const current = navigationRef.current;
    const typing = promptRef.current;
    if (typing) {
      if (key.escape) updatePrompt(null);
      else if (key.return) {
        updatePrompt(null);
        submit(typing);
      } else if (key.backspace || key.delete) updatePrompt({ ...typing, value: typing.value.slice(0, -1) });
      else if (!key.ctrl && !key.meta && input.length > 0 && !/[\u0000-\u001f\u007f]/.test(input)) updatePrompt({ ...typing, value: typing.value + input });
      return;
    }
    if (current.help) {
      if (input === "q") exit();
      else dispatch({ type: "help", show: false });
      return;
    }
    if (input === "q") exit();
    else if (input === "?") dispatch({ type: "help", show: true });
    else if (key.tab) dispatch({ type: "cycle", step: key.shift ? -1 : 1 });
    else if (["1", "2", "3", "4"].includes(input)) dispatch({ type: "switch", view: views[Number(input) - 1] });
    else if (key.escape || key.backspace || key.delete) dispatch({ type: "back" });
    else if (input === "/") updatePrompt({ kind: "search", value: "" });
    else if (input === "f" && !key.ctrl && current.view === "logs") updatePrompt({ kind: "filter", value: describeFilter(logs.filter) });
    else if (registry.current && registry.owner === current.view) registry.current(input, key);
  };
  // Keys are handled one per frame: a burst (a paste, "jjjj" from key repeat over a slow link) then
  // sees the state and the view each previous key produced, not the state of the frame it arrived in.
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

  const open = findings.filter((finding) => finding.status === "open").length;
  const scopeLabel = focusBundles && focusBundles.length === 1 ? basename(focusBundles[0]) : `${findings.length} findings`;
  const footer: Row = prompt
    ? [{ text: prompt.kind === "search" ? "search logs: " : "filter (host= package= program= level=): ", bold: true }, { text: fit(`${prompt.value}_`, width - 44) }]
    : plain(fit(hints[navigation.view], width), { color: tone(theme, "gray") });

  const common = { width, height: bodyHeight, theme };
  const shows = (view: View): boolean => !navigation.help && navigation.view === view;
  // Every view stays mounted (hidden when not shown) so each keeps its place: back from a log jump
  // lands on the same evidence line, and the help screen does not reset anything.
  const body = (
    <>
      {navigation.help && <HelpView width={width} height={bodyHeight} />}
      <Box display={shows("findings") ? "flex" : "none"}>
        <FindingsView {...common} findings={findings} selectedId={selected?.id ?? null} active={!busy && shows("findings")}
          onSelect={setSelectedId} onOpen={(id) => {
            setSelectedId(id);
            dispatch({ type: "open", view: "detail" });
          }} />
      </Box>
      <Box display={shows("detail") ? "flex" : "none"}>
        <DetailView {...common} key={selected?.id ?? "none"} finding={selected} active={!busy && shows("detail")}
          onJump={(evidence) => dispatch({ type: "jump", file: evidence.file, line: evidence.line })} />
      </Box>
      <Box display={shows("timeline") ? "flex" : "none"}>
        <TimelineView {...common} database={database} bundles={focusBundles} version={version} active={!busy && shows("timeline")}
          onJump={(mark) => dispatch({ type: "jump", file: mark.source.file, line: mark.source.line })} />
      </Box>
      <Box display={shows("logs") ? "flex" : "none"}>
        <LogsView {...common} database={database} bundles={focusBundles} state={logs} setState={setLogs}
          jump={navigation.jump} version={version} active={!busy && shows("logs")} />
      </Box>
    </>
  );
  return (
    <KeyRegistryContext.Provider value={registry}>
    <Box flexDirection="column" width={width}>
      <Rows rows={[tabsRow(navigation.view, scopeLabel, open, width, theme)]} height={1} />
      {body}
      <Rows rows={[footer]} height={1} />
    </Box>
    </KeyRegistryContext.Provider>
  );
}
