/**
Which view is shown and how the operator got there: a pure reducer, so navigation is tested without
a terminal. Enter drills down (and remembers where from); Esc/Backspace goes back; Tab cycles.
*/
export type View = "findings" | "detail" | "timeline" | "logs";

export const views: readonly View[] = ["findings", "detail", "timeline", "logs"];

export const viewTitles: Readonly<Record<View, string>> = {
  findings: "Findings",
  detail: "Detail",
  timeline: "Timeline",
  logs: "Logs",
};

/** A request to show one stored line in the Logs view; `serial` makes a repeated jump to the same line count. */
export interface LogJump {
  readonly file: string;
  readonly line: number;
  readonly serial: number;
}

export interface NavigationState {
  readonly view: View;
  readonly history: readonly View[];
  readonly help: boolean;
  readonly jump: LogJump | null;
}

export type NavigationAction =
  | { readonly type: "open"; readonly view: View }
  | { readonly type: "switch"; readonly view: View }
  | { readonly type: "cycle"; readonly step: 1 | -1 }
  | { readonly type: "back" }
  | { readonly type: "help"; readonly show: boolean }
  | { readonly type: "jump"; readonly file: string; readonly line: number };

export const initialNavigation: NavigationState = { view: "findings", history: [], help: false, jump: null };

export function navigate(state: NavigationState, action: NavigationAction): NavigationState {
  switch (action.type) {
    case "open":
      if (action.view === state.view) return state;
      return { ...state, view: action.view, history: [...state.history, state.view] };
    case "switch":
      // A direct switch starts a new trail: Esc then leads back towards Findings, not through old drill-downs.
      return action.view === state.view ? state : { ...state, view: action.view, history: action.view === "findings" ? [] : ["findings"] };
    case "cycle": {
      const index = views.indexOf(state.view);
      const view = views[(index + action.step + views.length) % views.length];
      return navigate(state, { type: "switch", view });
    }
    case "back": {
      if (state.history.length === 0) return state.view === "findings" ? state : { ...state, view: "findings" };
      return { ...state, view: state.history[state.history.length - 1], history: state.history.slice(0, -1) };
    }
    case "help":
      return { ...state, help: action.show };
    case "jump":
      return {
        ...navigate(state, { type: "open", view: "logs" }),
        jump: { file: action.file, line: action.line, serial: (state.jump?.serial ?? 0) + 1 },
      };
  }
}
