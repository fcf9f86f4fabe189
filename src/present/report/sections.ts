/**
The report's sections and their order, stated once: the HTML and the Markdown report each render every
section with a function of their own and print them in this order, so the two cannot drift apart.
*/

export const REPORT_SECTIONS = [
  "title", // what the report covers and its status
  "notes", // warnings before the summary: a window without lines, a node that fell silent
  "summary",
  "open",
  "resolved",
  "pair-states",
  "packages",
  "suspicious",
  "unread",
  "missing-logs",
  "footer",
] as const;

export type ReportSectionId = (typeof REPORT_SECTIONS)[number];

/** One renderer's functions, one per section; each returns the section's lines. */
export type SectionRenderers<Context> = Readonly<Record<ReportSectionId, (context: Context) => readonly string[]>>;

/** Every section's lines, in the report's order. */
export function renderSections<Context>(renderers: SectionRenderers<Context>, context: Context): string[] {
  return REPORT_SECTIONS.flatMap((id) => renderers[id](context));
}
