import { useEffect, useState } from "react";

/** A number that changes every `everyMs` of real time, for what ends on the wall clock (acknowledgements). */
export function useClock(everyMs: number): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((previous) => previous + 1), everyMs);
    // The TUI must not stay alive for this timer alone.
    timer.unref?.();
    return () => clearInterval(timer);
  }, [everyMs]);
  return tick;
}
