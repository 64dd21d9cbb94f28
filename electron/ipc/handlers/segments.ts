import type { AppContext } from '../../services/app/app-context'
import type { HandlerGroup } from './index'
import { readSettings } from '../../services/settings/settings-service'
import { schemeOverview } from '../../services/segments/schemes'
import { countRule, segmentMembers } from '../../services/segments/membership'
import { createSegment, deleteSegment, listSegments, updateSegment } from '../../services/segments/segment-repo'
import { cohorts, migration, regions, repeatRate, rfmGrid } from '../../services/segments/views'
import { recall, recallExport } from '../../services/segments/recall'
import { addDays } from '../../../shared/domain/dates'
import { jobsOf } from '../../services/jobs/context-jobs'
import { startOverviewJob } from '../../services/jobs/overview-job'

export function segmentsHandlers(ctx: AppContext): HandlerGroup<'segments'> {
  const settings = () => readSettings(ctx.db)
  const day = (asOf?: string) => asOf ?? ctx.today()
  return {
    'segments.overview': ({ asOf }) => schemeOverview(ctx.db, day(asOf), settings()),
    'segments.overviewStart': ({ asOf }) => startOverviewJob(jobsOf(ctx), { db: ctx.db }, day(asOf), settings()),
    'segments.list': () => listSegments(ctx.db),
    'segments.create': (input) => createSegment(ctx.db, input, ctx.now()),
    'segments.update': (input) => updateSegment(ctx.db, input, ctx.now()),
    'segments.delete': ({ id }) => ({ deleted: deleteSegment(ctx.db, id) }),
    'segments.count': ({ rule, asOf }) => ({ count: countRule(ctx.db, rule, day(asOf), settings()) }),
    'segments.members': ({ asOf, limit, offset, ...sel }) => segmentMembers(ctx.db, sel, day(asOf), settings(), { limit, offset }),
    'segments.rfmGrid': ({ asOf }) => rfmGrid(ctx.db, day(asOf), settings()),
    'segments.repeatRate': ({ asOf }) => repeatRate(ctx.db, day(asOf), settings()),
    'segments.cohorts': ({ asOf }) => cohorts(ctx.db, day(asOf), settings()),
    'segments.migration': ({ from, asOf }) => migration(ctx.db, from ?? addDays(day(asOf), -91), day(asOf), settings()),
    'segments.regions': ({ asOf }) => regions(ctx.db, day(asOf), settings()),
    'segments.recall': (q) => recall(ctx.db, q),
    'segments.recallExport': (q) => recallExport(ctx.db, q)
  }
}
