// `node --import ./tests/helpers/record-imports.mjs …`: appends the URL of every module the
// process resolves to the file named by RECORD_IMPORTS, one per line. Tests use it to check
// what a command loads (for example that `factcheck suggest` on a .txt loads no HTML reader).
import { register } from 'node:module';

register('./record-imports-hooks.mjs', import.meta.url, {
  data: { file: process.env.RECORD_IMPORTS },
});
