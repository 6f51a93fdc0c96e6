/** An error in one line: the first line of its message, never a stack trace. */
export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split(/\r?\n/u)[0];
}
