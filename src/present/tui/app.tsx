/**
The TUI's root: which view is shown, the selected finding, the Logs view's place, and the one-line
prompt for `/` and `f`. Views are mounted one at a time and get their size, data and an `active`
flag; they read the database themselves through the store's read API.
*/
import { useEffect, useMemo, useReducer, useRef, useState } from "react";
import { Box, useApp } from "ink";
import type { SqliteDatabase } from "../../store/db.js";
import { listFindings, unfinishedAnalyses } from "../../store/read.js";
import { withAcknowledgements } from "../../store/acknowledgements.js";
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
import { continueAcknowledgement, startAcknowledgement, type AcknowledgementWriter } from "./acknowledge.js";
import { useClock } from "./use-clock.js";

export interface AppProps {
  readonly database: SqliteDatabase;
  /** The incidents to show (those just analysed); all in the database when absent. */
  readonly bundles?: readonly string[];
  /** How often to look for changes written by `watch` (ms). */
  readonly pollMs?: number;
  /** Fixed size (tests); otherwise the terminal's, following resizes. */
  readonly size?: TerminalSize;
  readonly theme?: Theme;
  /** Writes acknowledgements for the `a` key (the TUI itself only reads); without it `a` says so. */
  readonly acknowledgements?: AcknowledgementWriter;
}

const hints: Readonly<Record<View, string>> = {
  findings: "Enter: detail  j/k: move  a: ack  i: incident  /: search  ?: keys  q: quit",
  detail: "s e c: jump  Enter on evidence: Logs  a: ack  Esc: back  ?: keys  q: quit",
  timeline: "j/k: events  Enter: the event's log line  Esc: back  ?: keys  q: quit",
  logs: "/ n N: search  e E: errors  s h p f x: filters  Esc: back  ?: keys  q: quit",
};

function tabsRow(view: View, scope: string, counts: { open: number; acknowledged: number; unfinished: Unfinished }, width: number, theme: Theme): Row {
  const segments: Segment[] = width >= 100 ? [{ text: "mcadvisor ", bold: true }] : [];
  views.forEach((candidate, index) => {
    const label = `${index + 1} ${viewTitles[candidate]}`;
    segments.push(candidate === view ? { text: `[${label}]`, bold: true, inverse: true } : { text: ` ${label} ` });
  });
  const used = segments.reduce((sum, segment) => sum + segment.text.length, 0);
  const acknowledged = counts.acknowledged > 0 ? ` (${counts.acknowledged} acked)` : "";
  // The findings of an analysis still reading (or stopped part way) are what was read so far: said before anything else.
  const unfinished = counts.unfinished === null ? "" : unfinishedLabel(counts.unfinished);
  if (unfinished !== "") segments.push({ text: fit(unfinished, Math.max(width - used, 0)), color: tone(theme, "yellow"), bold: true });
  const after = used + unfinished.length;
  segments.push({ text: fit(` ${counts.open} open${acknowledged}  ${scope}`, Math.max(width - after, 0)), color: tone(theme, "gray") });
  return segments;
}

/**
Whether an analysis of the database's incidents has not finished: still running, stopped part way, begun elsewhere
(null: none); `of`: how many incidents, when the database holds several (the open count covers them all).
*/
type Unfinished = { readonly state: "running" | "stopped" | "elsewhere"; readonly of: number | null } | null;

const UNFINISHED_WORDS = { running: "still running", stopped: "stopped part way", elsewhere: "not finished" } as const;

function unfinishedLabel(unfinished: NonNullable<Unfinished>): string {
  const whose = unfinished.of === null ? "" : ` of ${unfinished.of === 1 ? "1 incident" : `${unfinished.of} incidents`}`;
  return ` analysis${whose} ${UNFINISHED_WORDS[unfinished.state]}:`;
}

export function App({ database, bundles, pollMs, size: fixedSize, theme = themeFromEnvironment(), acknowledgements }: AppProps) {
  const { exit } = useApp();
  const size = useTerminalSize(fixedSize);
  const version = useDataVersion(database, pollMs);
  const [navigation, dispatch] = useReducer(navigate, initialNavigation);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [logs, setLogs] = useState<LogsState>(initialLogsState);
  const [prompt, setPrompt] = useState<Prompt | null>(null);
  // One line for the outcome of the last action (an acknowledgement written, why not), until the next key.
  const [notice, setNotice] = useState<string | null>(null);
  // Acknowledgements end on the wall clock: their effect is judged again every minute, not only on new data.
  const minute = useClock(60_000);
  const [written, setWritten] = useState(0);
  const registry = useRef<KeyRegistry>({ current: null, owner: null }).current;

  const submit = (typed: Prompt): void => {
    if (typed.kind === "ack-note" || typed.kind === "ack-until" || typed.kind === "unack") {
      if (!acknowledgements) return;
      const next = continueAcknowledgement(typed, acknowledgements, Date.now());
      if ("prompt" in next) setPrompt(next.prompt);
      else {
        setNotice(next.notice);
        setWritten((count) => count + 1);
      }
      return;
    }
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
  const findings = useMemo(
    () => withAcknowledgements(database, listFindings(database, { bundles }), Date.now()),
    [database, scopeKey, version, minute, written],
  );
  // Timeline and Logs follow the incident of the selected finding: one incident, one clock.
  // `i` moves to the next incident of the database and selects its first finding; an incident without
  // findings leaves none selected (header, Timeline and Logs show it all the same).
  const [incident, setIncident] = useState<string | null>(null);
  const chosen = findings.find((finding) => finding.id === selectedId) ?? findings[0];
  const selected = incident !== null && chosen?.bundle !== incident ? undefined : chosen;
  const incidents = useMemo(() => listBundles(database, bundles), [database, scopeKey, version]);
  const unfinished = useMemo((): Unfinished => {
    const analyses = [...unfinishedAnalyses(database, incidents).values()];
    if (analyses.length === 0) return null;
    const of = incidents.length > 1 ? analyses.length : null;
    if (analyses.some((analysis) => analysis.running === true)) return { state: "running", of };
    return { state: analyses.some((analysis) => analysis.running === null) ? "elsewhere" : "stopped", of };
  }, [database, incidents, version, minute]);
  const focusBundles = incident !== null ? [incident] : selected ? [selected.bundle] : incidents.length === 1 ? incidents : bundles;
  // Logs may widen to every incident (I), to find what the incident on screen does not hold.
  const logsBundles = logs.allIncidents && incidents.length > 1 ? bundles : focusBundles;
  const logsScope = logsBundles && logsBundles.length === 1 ? `incident ${basename(logsBundles[0])}` : "all incidents";
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
    setNotice(null);
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
    else if (input === "/") setPrompt({ kind: "search", value: "", scope: logsScope });
    else if (input === "i" && incidents.length > 0) {
      const now = focusBundles?.length === 1 ? incidents.indexOf(focusBundles[0]) : -1;
      const next = incidents[(now + 1) % incidents.length];
      const first = findings.find((finding) => finding.bundle === next);
      // The selection goes with the header: the incident's first finding (most severe, oldest), or none.
      if (first) selectFinding(first.id);
      else setIncident(next);
    } else if (input === "a" && (navigation.view === "findings" || navigation.view === "detail")) {
      const started = startAcknowledgement(selected, acknowledgements);
      if ("prompt" in started) setPrompt(started.prompt);
      else setNotice(started.notice);
    } else if (input === "f" && !key.ctrl && navigation.view === "logs") setPrompt({ kind: "filter", value: describeFilter(logs.filter) });
    else if (registry.current && registry.owner === navigation.view) registry.current(input, key);
  });

  const openFindings = findings.filter((finding) => finding.status === "open");
  const counts = { open: openFindings.length, acknowledged: openFindings.filter((finding) => finding.acknowledgement?.active === true).length, unfinished };
  const shownScope = navigation.view === "logs" ? logsBundles : focusBundles;
  const scopeLabel =
    shownScope && shownScope.length === 1
      ? basename(shownScope[0])
      : navigation.view === "logs" && incidents.length > 1
        ? "all incidents"
        : `${findings.length} findings`;
  // A long label (an incident's name) keeps 20 columns for what is typed.
  const label = prompt ? fit(promptLabel(prompt), Math.max(width - 20, 10)) : "";
  const footer: Row = prompt
    ? [{ text: label, bold: true }, { text: fit(`${prompt.value}_`, Math.max(width - label.length, 1)) }]
    : notice !== null
      ? plain(fit(notice, width), { color: tone(theme, "yellow") })
      : plain(fit(hints[navigation.view], width), { color: tone(theme, "gray") });

  const common = { width, height: bodyHeight, theme };
  const shows = (view: View): boolean => !navigation.help && navigation.view === view;
  // Every view stays mounted (hidden when not shown) so each keeps its place: back from a log jump
  // lands on the same evidence line, and the help screen does not reset anything.
  const body = (
    <>
      {navigation.help && <HelpView width={width} height={bodyHeight} />}
      <Box display={shows("findings") ? "flex" : "none"}>
        <FindingsView
          {...common}
          findings={findings}
          selectedId={selected?.id ?? null}
          incident={incident}
          active={!busy && shows("findings")}
          onSelect={selectFinding}
          onOpen={(id) => {
            selectFinding(id);
            dispatch({ type: "open", view: "detail" });
          }}
        />
      </Box>
      <Box display={shows("detail") ? "flex" : "none"}>
        <DetailView
          {...common}
          key={selected?.id ?? "none"}
          finding={selected}
          incident={incident}
          active={!busy && shows("detail")}
          onJump={(evidence) => dispatch({ type: "jump", file: evidence.file, line: evidence.line })}
        />
      </Box>
      <Box display={shows("timeline") ? "flex" : "none"}>
        <TimelineView
          {...common}
          database={database}
          bundles={focusBundles}
          version={version}
          active={!busy && shows("timeline")}
          onJump={(mark) => dispatch({ type: "jump", file: mark.source.file, line: mark.source.line })}
        />
      </Box>
      <Box display={shows("logs") ? "flex" : "none"}>
        <LogsView
          {...common}
          database={database}
          bundles={logsBundles}
          scope={logsScope}
          widerScope={incidents.length > 1 && !logs.allIncidents ? { bundles } : null}
          state={logs}
          setState={setLogs}
          jump={navigation.jump}
          version={version}
          active={!busy && shows("logs")}
        />
      </Box>
    </>
  );
  return (
    <KeyRegistryContext.Provider value={registry}>
      <Box flexDirection="column" width={width}>
        <Rows rows={[tabsRow(navigation.view, scopeLabel, counts, width, theme)]} height={1} />
        {body}
        <Rows rows={[footer]} height={1} />
      </Box>
    </KeyRegistryContext.Provider>
  );
}
