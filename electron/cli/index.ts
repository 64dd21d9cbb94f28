/** Entry point of `npm run cli`. */
import { runCli } from './run-cli'
import { version } from '../../package.json'

runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  version
}).then((code) => {
  process.exitCode = code
})
