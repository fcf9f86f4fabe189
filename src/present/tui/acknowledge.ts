/**
The `a` key: acknowledge the selected finding (a note, then an optional end), or take an acknowledgement
that is in effect back. The TUI reads its database read-only; the writing is done by the command that
started it (`AcknowledgementWriter`, the same code as `mcadvisor ack`), on its own short-lived connection.
*/
import { parseAcknowledgementUntil } from "../../model/acknowledgement.js";
import type { StoredFinding } from "../../store/read.js";
import type { Prompt } from "./prompt.js";

export interface AcknowledgementWriter {
  /** Stores the acknowledgement (as `mcadvisor ack` would); throws an McAdvisorError the TUI shows. */
  /** `at`: when it is made (real time, the `now` a duration in `until` was counted from). */
  acknowledge(findingId: string, note: string, until: number | null, at: number): void;
  unacknowledge(findingId: string): void;
}

/** What `a` on `finding` starts: a prompt, or a notice saying why not. */
export function startAcknowledgement(finding: StoredFinding | undefined, writer: AcknowledgementWriter | undefined): { prompt: Prompt } | { notice: string } {
  if (!finding) return { notice: "no finding selected" };
  if (!writer) return { notice: "acknowledging is not available here: use mcadvisor ack" };
  if (finding.acknowledgement?.active) return { prompt: { kind: "unack", value: "", findingId: finding.id, note: finding.acknowledgement.by } };
  if (finding.status !== "open") return { notice: `this finding is ${finding.status}: there is nothing to acknowledge` };
  return { prompt: { kind: "ack-note", value: "", findingId: finding.id } };
}

/** The next step after a prompt of the acknowledgement was answered: another prompt, or what to tell the operator. */
export function continueAcknowledgement(prompt: Prompt, writer: AcknowledgementWriter, now: number): { prompt: Prompt } | { notice: string } {
  const findingId = prompt.findingId as string;
  const short = findingId.slice(0, 8);
  try {
    if (prompt.kind === "unack") {
      writer.unacknowledge(findingId);
      return { notice: `acknowledgement of ${short} removed: it counts again` };
    }
    if (prompt.kind === "ack-note") {
      if (prompt.value.trim() === "") return { notice: "not acknowledged: a note is needed (what is being done, by whom)" };
      return { prompt: { kind: "ack-until", value: "", findingId, note: prompt.value.trim() } };
    }
    let until: number | null = null;
    if (prompt.value.trim() !== "") {
      const parsed = parseAcknowledgementUntil(prompt.value, now);
      if ("error" in parsed) return { notice: `not acknowledged: ${parsed.error.replace(/^--until /, "until ")}` };
      until = parsed.until;
    }
    writer.acknowledge(findingId, prompt.note ?? "", until, now);
    return { notice: `${short} acknowledged: it no longer raises the exit status${until === null ? " while it stays open" : ""}` };
  } catch (error) {
    return { notice: `not done: ${(error as Error).message}` };
  }
}
