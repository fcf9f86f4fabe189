/**
The TUI's root: which view is shown, the selected finding, the Logs view's place, and the one-line
prompt for `/` and `f`. Views are mounted one at a time and get their size, data and an `active`
flag; they read the database themselves through the store's read API.
*/
import { useEffect, useMemo, useReducer, useRef, useState } from "react";
import { Box, useApp } from "ink";
import type { SqliteDatabase } from "../../store/db.js";
import { listFindings } from "../../store/read.js";
import { listBundles } from "../../store/logs.js";
import { basename } from "node:path";
import { initialNavigation, navigate, viewTitles, views, type View } from "./navigation.js";
import { KeyRegistryContext, useKeyQueue, type KeyRegistry } from "./view-input.js";
import { editPrompt, promptLabel, type Prompt } from "./prompt.js";
import { useDataVersion } from "./use-data-version.js";
import { useTerminalSize, type TerminalSize } from "./use-terminal-size.js";
import { FindingsView } from "./findings-view.js";
import { DetailView } from "./detail-view.js";
import { TimelineView } from "./timeline-view.js";
import { LogsView } from "./logs-view.js";
import { describeFilter, parseFilter } from "./logs-filter.js";
import { initialLogsState, type LogsState } from "./logs-state.js";
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
  const [navigation, dispatch] = useReducer(navigate, initialNavigation);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [logs, setLogs] = useState<LogsState>(initialLogsState);
  const [prompt, setPrompt] = useState<Prompt | null>(null);
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
  // `i` picks another incident of the database (one without findings too); selecting a finding picks its own.
  const [incident, setIncident] = useState<string | null>(null);
  const incidents = useMemo(() => listBundles(database, bundles), [database, scopeKey, version]);
  const focusBundles = incident !== null ? [incident] : selected ? [selected.bundle] : incidents.length === 1 ? incidents : bundles;
  // Another incident, another clock: the Logs view starts again at its first line.
  const focusKey = focusBundles?.join("\u0000");
  useEffect(() => {
    setLogs((previous) => ({ ...previous, top: undefined, cursor: 0, follow: false }));
  }, [focusKey]);
  const selectFinding = (id: string): void => {
    setSelectedId(id);
    setIncident(null);
  };

  const width = Math.max(size.columns, 20);
  // One row short of the screen: ink redraws the whole screen (and flickers) when a frame fills it.
  const bodyHeight = Math.max(size.rows - 3, 3);
  const busy = navigation.help || prompt !== null;

  // The App reads the keyboard (one key per frame, see useKeyQueue): the prompt first, then help, then
  // the keys of every view, then the view on screen.
  useKeyQueue((input, key) => {
    if (prompt) {
      const outcome = editPrompt(prompt, input, key);
      setPrompt(outcome.type === "editing" ? outcome.prompt : null);
      if (outcome.type === "submitted") submit(outcome.prompt);
      return;
    }
    if (navigation.help) {
      if (input === "q") exit();
      else dispatch({ type: "help", show: false });
      return;
    }
    if (input === "q") exit();
    else if (input === "?") dispatch({ type: "help", show: true });
    else if (key.tab) dispatch({ type: "cycle", step: key.shift ? -1 : 1 });
    else if (["1", "2", "3", "4"].includes(input)) dispatch({ type: "switch", view: views[Number(input) - 1] });
    else if (key.escape || key.backspace || key.delete) dispatch({ type: "back" });
    else if (input === "/") setPrompt({ kind: "search", value: "" });
    else if (input === "i" && incidents.length > 0) {
      const now = focusBundles?.length === 1 ? incidents.indexOf(focusBundles[0]) : -1;
      setIncident(incidents[(now + 1) % incidents.length]);
    }
    else if (input === "f" && !key.ctrl && navigation.view === "logs") setPrompt({ kind: "filter", value: describeFilter(logs.filter) });
    else if (registry.current && registry.owner === navigation.view) registry.current(input, key);
  });

  const open = findings.filter((finding) => finding.status === "open").length;
  const scopeLabel = focusBundles && focusBundles.length === 1 ? basename(focusBundles[0]) : `${findings.length} findings`;
  const footer: Row = prompt
    ? [{ text: promptLabel(prompt), bold: true }, { text: fit(`${prompt.value}_`, Math.max(width - promptLabel(prompt).length, 1)) }]
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
          onSelect={selectFinding} onOpen={(id) => {
            selectFinding(id);
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
