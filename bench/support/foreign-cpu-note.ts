/**
 * The clause a figure's note gets when other processes on the machine took enough CPU during its
 * run to depress it (the run's `foreignCpuPercent`, from ./proc.ts `foreignCpuWindow`).
 */

/** Below this share of one core, other processes' CPU is noise and goes unmentioned. */
const NOTABLE_PERCENT = 10;

/** "; other processes used N% of a core …" to append to a note, or "" for a quiet run. */
export function foreignCpuNote(foreignCpuPercent: number | null): string {
  return foreignCpuPercent !== null && foreignCpuPercent >= NOTABLE_PERCENT ? `; other processes used ${Math.round(foreignCpuPercent)}% of a core during this run, so it is depressed` : "";
}
