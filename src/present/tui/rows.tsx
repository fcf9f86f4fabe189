/**
Every view is a pure function from data and size to rows of styled segments; this component is the
only place that turns rows into ink elements. Rows are already cut to the width, so nothing wraps.
*/
import { Box, Text } from "ink";

export interface Segment {
  readonly text: string;
  readonly color?: "red" | "yellow" | "cyan" | "green" | "gray" | "magenta";
  readonly bold?: boolean;
  readonly dim?: boolean;
  readonly inverse?: boolean;
}

export type Row = readonly Segment[];

export function plain(text: string, style: Omit<Segment, "text"> = {}): Row {
  return [{ text, ...style }];
}

/** The row with inverse video (the cursor): segments keep their own colours. */
export function highlighted(row: Row): Row {
  return row.map((segment) => ({ ...segment, inverse: true }));
}

export function Rows({ rows, height }: { readonly rows: readonly Row[]; readonly height: number }) {
  const shown = rows.slice(0, Math.max(height, 0));
  return (
    <Box flexDirection="column" height={Math.max(height, 0)}>
      {shown.map((row, index) => (
        <Text key={index} wrap="truncate">
          {row.every((segment) => segment.text === "")
            ? " "
            : row.map((segment, part) => (
                <Text key={part} color={segment.color} bold={segment.bold} dimColor={segment.dim} inverse={segment.inverse}>
                  {segment.text}
                </Text>
              ))}
        </Text>
      ))}
    </Box>
  );
}
