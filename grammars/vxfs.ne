# Kernel messages (HP-UX vmunix, Linux kernel) about a file system that filled up or that the kernel found damaged.
# A package's run script or its application fails when its file system is full, often with no ERROR line of its own
# (a customer_defined_run_cmds hook exits silently): this line is then the only cause in the logs. The
# device is the one the package log mounts ("Mounting /dev/vgmx/lv_spool at /mx/spool"), which is how the
# rules engine finds the package. Shape (Veritas File System message catalogue, V-2-1 vx_nospace):
#   vxfs: msgcnt 4 mesg 001: V-2-1: vx_nospace - /dev/vgmx/lv_spool file system full (1 block extent)
# A damaged file system (fs.error): what the volumes under a mounted file system changing behind it leaves (a Business
# Copy restore over a running package's P-VOLs, round 77 #18), or a failing disk. VxFS's metadata and data I/O errors,
# its full-fsck flag and a disabled file system (V-2-37 vx_metaioerr, V-2-38 vx_dataioerr, V-2-96 vx_setfsflags, V-2-31
# vx_disable), and Linux's ext3/ext4 errors and read-only remounts and XFS's corruption and shutdown notices (the
# kernel's ext4 and XFS sources: ext4_error's "EXT4-fs error (device %s): ...", "Remounting filesystem read-only",
# xfs_corruption_error's "Corruption detected", xfs_do_force_shutdown):
#   EXT4-fs error (device dm-14): ext4_find_entry:1455: inode #2: comm postgres: checksumming directory block 0
#   XFS (dm-3): Corruption detected. Unmount and run xfs_repair

@preprocessor typescript

@{%
import moo from "moo";
import { filteredLexer, isRealToken } from "../../parse/token-filter.js";
import type { SourcedToken } from "../../parse/token-filter.js";

const lexer = filteredLexer(
  moo.compile({
    space: { match: /\s+/, lineBreaks: true },
    path: /\/[^\s]+/,
    word: /[A-Za-z0-9_.-]+/,
    other: { match: /[^]/, lineBreaks: true },
  }),
  { keep: ["path", "word"], drop: ["space", "other"], endToken: true },
);

type Token = SourcedToken;
// `var` because nearleyc also emits `declare var anyToken`.
var anyToken = { test: isRealToken };
interface Draft { kind: string; fields: Record<string, string> }

// VxFS's messages of a damaged file system (message catalogue: V-2-37, V-2-38, V-2-96, V-2-31).
const VXFS_DAMAGE = new Set(["vx_metaioerr", "vx_dataioerr", "vx_setfsflags", "vx_disable", "vx_fs_corrupt"]);
// Linux file systems' own prefix ("EXT4-fs", "EXT3-fs", "XFS"), then what marks damage.
const LINUX_FS = /^(ext[234])-fs$|^(xfs)$/;
const LINUX_DAMAGE = [/^error$/, /^corruption$/, /^remounting$/, /^shutdown$/, /^shut$/];

function interpret(tokens: Token[]): Draft[] {
  const words = tokens.map((token) => token.value.toLowerCase());
  // A kernel's time since boot before the message ("[12345.678901] EXT4-fs error ...").
  const start = /^\d+\.\d+$/.test(words[0] ?? "") ? 1 : 0;
  if (words[start] === "vxfs") {
    const device = tokens.find((token) => token.type === "path")?.value;
    if (device === undefined) return [];
    if (words.includes("vx_nospace")) return [{ kind: "fs.full", fields: { device, detail: `file system ${device} full` } }];
    const damage = words.find((word) => VXFS_DAMAGE.has(word));
    return damage === undefined ? [] : [{ kind: "fs.error", fields: { device, fsType: "vxfs", detail: `${damage} on ${device}` } }];
  }
  const linux = LINUX_FS.exec(words[start] ?? "");
  if (linux === null) return [];
  const fsType = linux[1] ?? linux[2];
  const rest = words.slice(start + 1);
  // "EXT4-fs error (device dm-14): ..." names it after "device"; "EXT4-fs (dm-14): ..." and "XFS (dm-3): ..." first.
  const device = rest[0] === "error" && rest[1] === "device" ? tokens[start + 3]?.value : tokens[start + 1]?.value;
  if (device === undefined || !rest.some((word) => LINUX_DAMAGE.some((pattern) => pattern.test(word)))) return [];
  // "Remounting filesystem read-only" is damage; ext4's "mounted filesystem with ordered data mode" is not (no damage word).
  if (rest.includes("remounting") && !rest.includes("read-only")) return [];
  return [{ kind: "fs.error", fields: { device, fsType, detail: `${fsType} error on ${device}` } }];
}
%}

@lexer lexer

body -> item:* %eol {% ([items]) => interpret(items) %}

item -> %anyToken {% id %}

@{%
export const meta = {
  name: "vxfs",
  role: "body",
  formats: ["syslog"],
  prefilter: /vx_nospace|vx_metaioerr|vx_dataioerr|vx_setfsflags|vx_disable|vx_fs_corrupt|EXT[234]-fs (?:error|\()|XFS \(/,
  description: "Kernel file system messages: a full VxFS file system (vx_nospace), tied to a package by the device its run script mounted; a damaged VxFS, ext3/ext4 or XFS file system",
};

export const samples: Array<{ text: string; expect: unknown }> = [
  { text: "vxfs: msgcnt 4 mesg 001: V-2-1: vx_nospace - /dev/vgmx/lv_spool file system full (1 block extent)", expect: [{ kind: "fs.full", fields: { device: "/dev/vgmx/lv_spool", detail: "file system /dev/vgmx/lv_spool full" } }] },
  { text: "vxfs: msgcnt 1 mesg 001: V-2-1: vx_nospace - /dev/vx/dsk/oradg/oravol file system full (8 block extent)", expect: [{ kind: "fs.full", fields: { device: "/dev/vx/dsk/oradg/oravol", detail: "file system /dev/vx/dsk/oradg/oravol full" } }] },
  { text: "vxfs: msgcnt 2 mesg 037: V-2-37: vx_metaioerr - /dev/vg01/lvol3 file system meta data read error", expect: [{ kind: "fs.error", fields: { device: "/dev/vg01/lvol3", fsType: "vxfs", detail: "vx_metaioerr on /dev/vg01/lvol3" } }] },
  { text: "vxfs: msgcnt 9 mesg 096: V-2-96: vx_setfsflags - /dev/vgora/lvdata file system fullfsck flag set - vx_ierror", expect: [{ kind: "fs.error", fields: { device: "/dev/vgora/lvdata", fsType: "vxfs", detail: "vx_setfsflags on /dev/vgora/lvdata" } }] },
  { text: "EXT4-fs error (device dm-14): ext4_find_entry:1455: inode #2: comm postgres: checksumming directory block 0", expect: [{ kind: "fs.error", fields: { device: "dm-14", fsType: "ext4", detail: "ext4 error on dm-14" } }] },
  { text: "EXT4-fs (dm-14): Remounting filesystem read-only", expect: [{ kind: "fs.error", fields: { device: "dm-14", fsType: "ext4", detail: "ext4 error on dm-14" } }] },
  { text: "[ 8812.331245] EXT3-fs error (device sdc1): ext3_lookup: deleted inode referenced: 1146883", expect: [{ kind: "fs.error", fields: { device: "sdc1", fsType: "ext3", detail: "ext3 error on sdc1" } }] },
  { text: "XFS (dm-3): Corruption detected. Unmount and run xfs_repair", expect: [{ kind: "fs.error", fields: { device: "dm-3", fsType: "xfs", detail: "xfs error on dm-3" } }] },
  { text: "XFS (dm-3): Filesystem has been shut down due to log error (0x2).", expect: [{ kind: "fs.error", fields: { device: "dm-3", fsType: "xfs", detail: "xfs error on dm-3" } }] },
  // Ordinary mounts and unmounts: no damage.
  { text: "EXT4-fs (dm-14): mounted filesystem with ordered data mode. Opts: (null)", expect: [] },
  { text: "XFS (dm-3): Mounting V5 Filesystem", expect: [] },
  { text: "XFS (dm-3): Ending clean mount", expect: [] },
  { text: "EXT4-fs (sda1): re-mounted. Opts: errors=remount-ro", expect: [] },
];
%}
