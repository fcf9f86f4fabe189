/**
How every presenter (text, reports, TUI) numbers a finding's steps. Steps are done in order, 1, 2, 3 ...;
a step the rule marks `alternative: true` is not done after the one above it but instead of it (its
`where` says instead of what: -swapp from the other site instead of -swaps from this one). It gets no
number of its own, so the numbering does not suggest running both: it is shown under the step before
it, led by "or". Consecutive alternative steps are one alternative done in order, lettered a, b, c.
*/
import type { Step } from "../model/findings.js";

export interface NumberedStep {
  readonly step: Step;
  /** The step's number; for an alternative, the number of the step it is shown under. */
  readonly number: number;
  readonly alternative: boolean;
  /** The letter of an alternative of several steps (a, b, c ...); null otherwise. */
  readonly letter: string | null;
  /** The first step of an alternative (the one "or" leads). */
  readonly first: boolean;
}

export function numberedSteps(steps: readonly Step[]): NumberedStep[] {
  // First pass: each step's number and its place in its alternative (-1 for a step of its own).
  let number = 0;
  const places = steps.map((step, index) => {
    // An alternative to nothing (the steps above it did not apply to this finding) is simply the next step.
    if (step.alternative !== true || number === 0) {
      number++;
      return { number, position: -1 };
    }
    return { number, position: index > 0 && steps[index - 1].alternative === true ? -2 : 0 };
  });
  for (let index = 0; index < places.length; index++) {
    if (places[index].position === -2) places[index] = { ...places[index], position: places[index - 1].position + 1 };
  }
  return steps.map((step, index) => {
    const { number: stepNumber, position } = places[index];
    if (position < 0) return { step, number: stepNumber, alternative: false, letter: null, first: false };
    let last = index;
    while (last + 1 < steps.length && places[last + 1].position > 0) last++;
    const several = position > 0 || last > index;
    return { step, number: stepNumber, alternative: true, letter: several ? String.fromCharCode(97 + (position % 26)) : null, first: position === 0 };
  });
}

/** The label before a step in plain text: `3.` for a step; `or:`, `or: a.` / `    b.` for an alternative. */
export function stepLabel(entry: NumberedStep): string {
  if (!entry.alternative) return `${entry.number}.`;
  const letter = entry.letter === null ? "" : ` ${entry.letter}.`;
  return entry.first ? `or:${letter}` : `   ${letter}`;
}
