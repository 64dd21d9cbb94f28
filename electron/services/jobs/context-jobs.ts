/** One job registry per open shop (app context), shared by every handler that starts or follows a job. */
import type { AppContext } from '../app/app-context'
import { JobRegistry } from './job-registry'

const registries = new WeakMap<AppContext, JobRegistry>()

export function jobsOf(ctx: AppContext): JobRegistry {
  let jobs = registries.get(ctx)
  if (!jobs) registries.set(ctx, (jobs = new JobRegistry()))
  return jobs
}
