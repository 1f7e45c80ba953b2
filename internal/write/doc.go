// Package write puts a built site in place: it writes the whole site into a
// staging folder beside the output folder and swaps it in at once, so that a
// reader, an upload tool or a web server never sees half a site.
//
// # Guarantees
//
// A build is [Begin], then [Staging.WriteFile] for every file of the site,
// then [Staging.Commit] (or [Staging.Abort]).
//
//   - Until Commit, the output folder is not touched. A build stopped at any
//     instant, even by SIGKILL, leaves at the output path either the complete
//     previous site (or nothing, if there was none) or the complete new one,
//     never a mix (see the platform notes for the one exception).
//   - The next Begin removes whatever a stopped build left beside the output:
//     staging folders, and the previous site moved aside by a swap.
//   - A file whose bytes did not change keeps its modification time (it is
//     hard-linked from the previous site, or written and given the old time
//     where links are not possible), so an upload tool that syncs by date
//     sends only what changed.
//   - Nothing but the site persists between builds: no cache, no marker
//     file, no lock file. Staging folders, named
//     "." + base(dest) + ".planpress-staging-" + digits in the output's parent
//     folder, exist only while a build runs.
//   - Two builds into one output at once cannot both write it: the second
//     Begin fails with an error telling the user to wait (two that begin at
//     the same instant may both fail; neither writes the output).
//   - Begin refuses, before writing anything, an output folder that is the
//     site folder, contains it, or lies inside one of its source folders
//     ([Guard]), and a non-empty folder that planpress did not write.
//     Planpress output is recognised by its home page, index.html, which
//     carries <meta name="generator" content="planpress ...">, so the
//     renderer must emit that tag on the home page; folders written by older
//     versions, which hold the marker file ".planpress-build", are accepted
//     too.
//
// These guarantees are about a process that stops. They are not about a
// machine that loses power: nothing is flushed to disk with fsync, which
// would slow every build down for a risk a rebuild repairs.
//
// # Platforms
//
// Linux swaps the two folders in one step with renameat2(RENAME_EXCHANGE),
// macOS with renamex_np(RENAME_SWAP). A live build holds flock on its
// staging folder (and, while it commits, on the previous site), so the
// cleanup of another build removes only folders whose build has died: the
// kernel releases a dead process's flock, so a lock is never stale and
// process ids play no part.
//
// Elsewhere, and on a Linux or macOS file system that cannot exchange two
// folders, Commit renames the previous site aside, renames the staging
// folder in, then removes the previous site. Between the two renames, a
// window of well under a millisecond, the output path does not exist; a
// build killed in that window leaves the complete previous site beside the
// output, and the next Begin renames it back before anything else.
//
// Windows has no flock. There a live build keeps its staging folder open,
// and the cleanup of another build removes only the leftovers it can open
// exclusively, which a live build's folder cannot be (nor, for a moment,
// a folder a virus scanner or indexer is reading). A build lets go of its
// folder just before its renames, so a second build that starts in those
// few milliseconds could still remove it: on Windows, do not start two
// builds of one output at once. A program holding a file of the output
// open (an editor, a preview server) makes the renames fail; Commit then
// leaves the previous site in place and says so.
//
// Systems with neither flock nor Windows' sharing rules (AIX, Plan 9,
// WebAssembly) have no lock at all: do not run two builds of one output at
// once there.
//
// For serve, check and tests, [Memory] and [Discard] take the same files
// without touching the disk; all three satisfy [Output].
package write
