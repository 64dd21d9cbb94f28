import type { AppContext } from '../../services/app/app-context'
import type { HandlerGroup } from './index'
import { jobsOf } from '../../services/jobs/context-jobs'

export function jobsHandlers(ctx: AppContext): HandlerGroup<'jobs'> {
  return {
    'jobs.progress': ({ jobId }) => jobsOf(ctx).progress(jobId),
    'jobs.cancel': ({ jobId }) => jobsOf(ctx).cancel(jobId)
  }
}
