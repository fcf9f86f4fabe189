/**
When a bundle can be judged (src/model/readability.ts): a log file that could not be read at all, or looks binary,
makes it UNKNOWN as the other verdicts do, and the sentence names the file; the verdicts known before keep their word.
*/
import { describe, expect, it } from "vitest";
import { describeReadability, readabilityVerdict, runExitStatus, type BundleReading } from "../../src/model/readability.js";

const judged: BundleReading = { bundle: "/cases/c1", files: 3, lines: 5000, unreadable: 0, unread: 0, partial: 0, events: 200 };
const notGzip = { path: "/cases/c1/nodeA1/var/adm/syslog/OLDsyslog.log.gz", why: "not a valid gzip archive" };

describe("a log file that could not be read", () => {
  it("leaves a bundle that would be judged UNKNOWN, naming the file from the bundle's folder", () => {
    expect(readabilityVerdict(judged)).toBeNull();
    const reading = { ...judged, unreadableFiles: [notGzip] };
    expect(readabilityVerdict(reading)).toBe("files-unreadable");
    expect(describeReadability(reading)).toBe(
      "one of its log files could not be read as logs: nodeA1/var/adm/syslog/OLDsyslog.log.gz (not a valid gzip archive): what it holds was not read, so it cannot be called OK",
    );
  });

  it("names three and counts the rest; a file outside the bundle's folder keeps its whole path", () => {
    const files = ["a", "b", "c", "d"].map((name) => ({ path: `/cases/c1/nodeA1/var/adm/syslog/${name}.log`, why: "a symbolic link loop" }));
    const outside = { path: "/elsewhere/syslog.log", why: "a FIFO (named pipe)" };
    expect(describeReadability({ ...judged, unreadableFiles: [outside, ...files] })).toBe(
      "5 of its log files could not be read as logs: /elsewhere/syslog.log (a FIFO (named pipe)), nodeA1/var/adm/syslog/a.log (a symbolic link loop), " +
        "nodeA1/var/adm/syslog/b.log (a symbolic link loop) and 2 more: what they hold was not read, so it cannot be called OK",
    );
  });

  it("keeps the verdicts known before, their sentence naming the file too", () => {
    const unreadableFiles = [notGzip];
    expect(readabilityVerdict({ ...judged, lines: 10, unreadable: 6, unreadableFiles })).toBe("mostly-unreadable");
    expect(readabilityVerdict({ ...judged, lines: 0, files: 0, unreadableFiles })).toBe("nothing-readable");
    expect(readabilityVerdict({ ...judged, partial: 3, unreadableFiles })).toBe("cut-short");
    expect(readabilityVerdict({ ...judged, events: 0, unreadableFiles })).toBe("nothing-about-cluster");
    expect(describeReadability({ ...judged, lines: 0, files: 0, unreadableFiles })).toBe(
      "it holds no log file mcadvisor could read (only configuration files, or files that could not be read), so nothing in it can be judged; " +
        "one of its log files could not be read as logs: nodeA1/var/adm/syslog/OLDsyslog.log.gz (not a valid gzip archive)",
    );
  });

  it("gives exit 3 unless a critical finding gives 2", () => {
    const reading = { ...judged, unreadableFiles: [notGzip] };
    expect(runExitStatus(0, [reading])).toBe(3);
    expect(runExitStatus(1, [reading])).toBe(3);
    expect(runExitStatus(2, [reading])).toBe(2);
    expect(runExitStatus(0, [judged])).toBe(0);
    expect(runExitStatus(0, [{ ...judged, unreadableFiles: [] }])).toBe(0);
  });
});
