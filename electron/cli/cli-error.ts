/**
 * The CLI's one error type, in a module of its own so that `main.ts` can
 * catch it without loading anything else: `factcheck --help` loads this file,
 * `main.ts` and Node's own modules, nothing more (issue 11, cli-start).
 */

/** A refusal with a one-line reason; `usage` errors exit 2, the others 1. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
