import { describe, expect, it } from 'vitest'
import { createNoticeFeed } from '../../../electron/host/notice-feed'

const stopped = { kind: 'stopped', exitCode: null, callsFailed: 2 } as const
const restarted = { kind: 'restarted', restarts: 1 } as const
const gaveUp = { kind: 'failed', reason: 'gave-up', code: 'INTERNAL', message: '后台服务反复停止' } as const

describe('the notice feed the browser page asks', () => {
  it('tells a page that has seen nothing only the number to ask after, not stops from before it opened', async () => {
    const feed = createNoticeFeed()
    feed.push(stopped)
    feed.push(restarted)
    expect(await feed.next(undefined, 10_000)).toEqual({ seq: 2, notices: [] })
  })

  it('holds a question until the next notice comes, then answers it with that notice', async () => {
    const feed = createNoticeFeed()
    const waiting = feed.next(0, 60_000)
    feed.push(stopped)
    expect(await waiting).toEqual({ seq: 1, notices: [stopped] })
  })

  it('answers at once with every notice after the one asked about', async () => {
    const feed = createNoticeFeed()
    feed.push(stopped)
    feed.push(restarted)
    expect(await feed.next(0, 60_000)).toEqual({ seq: 2, notices: [stopped, restarted] })
    expect(await feed.next(1, 60_000)).toEqual({ seq: 2, notices: [restarted] })
  })

  it('answers none when nothing came within the wait', async () => {
    expect(await createNoticeFeed().next(0, 5)).toEqual({ seq: 0, notices: [] })
  })

  it('keeps telling a newly opened page that the server cannot run', async () => {
    const feed = createNoticeFeed()
    feed.push(stopped)
    feed.push(gaveUp)
    expect(await feed.next(undefined, 10_000)).toEqual({ seq: 2, notices: [gaveUp] })
    // a page from before a host restart asks past the end: it starts again from now
    expect(await feed.next(9, 10_000)).toEqual({ seq: 2, notices: [gaveUp] })
  })

  it('answers every waiting question at once when closed, and later ones without waiting', async () => {
    const feed = createNoticeFeed()
    const waiting = feed.next(0, 60_000)
    expect(feed.isClosed()).toBe(false)
    feed.close()
    expect(feed.isClosed()).toBe(true)
    expect(await waiting).toEqual({ seq: 0, notices: [] })
    expect(await feed.next(0, 60_000)).toEqual({ seq: 0, notices: [] })
  })
})
