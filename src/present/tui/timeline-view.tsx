/** View 3: the pair states and the events that explain them, one axis for all nodes; Enter on an event opens its log line. */
import { useMemo, useRef, useState } from "react";
import { useViewInput } from "./view-input.js";
import type { SqliteDatabase } from "../../store/db.js";
import { readTimeline, type TimelineMark } from "../../store/timeline.js";
import { fit, scrollTop } from "./text.js";
import { highlighted, plain, Rows, type Row } from "./rows.js";
import { moveCursor, movementOf } from "./movement.js";
import { markRow, timelineChart } from "./timeline-chart.js";
import { tone, type Theme } from "./theme.js";

export interface TimelineViewProps {
  readonly database: SqliteDatabase;
  readonly bundles: readonly string[] | undefined;
  readonly version: number;
  readonly onJump: (mark: TimelineMark) => void;
  readonly width: number;
  readonly height: number;
  readonly theme: Theme;
  readonly active: boolean;
}

export function TimelineView({ database, bundles, version, onJump, width, height, theme, active }: TimelineViewProps) {
  const scope = bundles?.join("\u0000");
  const timeline = useMemo(() => readTimeline(database, { bundles }), [database, scope, version]);
  const [cursor, setCursor] = useState(0);
  const topRef = useRef(0);
  const at = Math.min(cursor, Math.max(timeline.marks.length - 1, 0));
  const chart = timelineChart(timeline, width, timeline.marks.length > 0 ? at : null, theme);
  const chartRows = chart.rows.slice(0, Math.max(height - 4, 1));
  const listHeight = Math.max(height - chartRows.length - 1, 1);
  useViewInput(
    (input, key) => {
      const movement = movementOf(input, key, listHeight);
      if (movement) setCursor(moveCursor(at, movement, timeline.marks.length));
      else if (key.return && timeline.marks[at]) onJump(timeline.marks[at]);
    },
    { isActive: active, owner: "timeline" },
  );
  if (timeline.start === null) {
    return (
      <Rows
        rows={[plain("Nothing to draw: no pair states or package/node events are stored for this incident."), plain("4: the Logs view shows every line.")]}
        height={height}
      />
    );
  }
  const top = scrollTop(at, topRef.current, listHeight);
  topRef.current = top;
  const rows: Row[] = [
    ...chartRows,
    plain(fit(`events (${timeline.marks.length}); Enter opens the log line`, width), { bold: true, color: tone(theme, "magenta") }),
  ];
  timeline.marks.slice(top, top + listHeight).forEach((mark, index) => {
    const text = markRow(mark, width);
    rows.push(top + index === at ? highlighted(plain(`>${text.slice(1)}`)) : plain(text));
  });
  return <Rows rows={rows} height={height} />;
}
