// The file export writes for Tier1 Support (the profile of test/e2e/fixtures.ts support(), and of the unit tests'
// live()), stated once for the unit test of planExport and the end-to-end test of `connect-gitops export`: the
// header, the scalars, the media concurrencies and the tags are the same in both; the timer, the queues and the
// manual list are what each live state sets apart, passed in as they must read.

/** One queue config as export writes it; `queue` is as YAML must spell it (`"yes"` quoted). */
export type ExportedQueue = [queue: string, channel: string, priority: number, delay: number];

export function exportedTier1Support(parts: { agentAvailabilityTimer: string; queues: ExportedQueue[]; manualAssignmentQueues?: string[] }): string {
  return [
    '# yaml-language-server: $schema=../schema/routing-profile.schema.json',
    'name: Tier1 Support',
    'description: Frontline agents',
    'defaultOutboundQueue: BasicQueue',
    `agentAvailabilityTimer: ${parts.agentAvailabilityTimer}`,
    'mediaConcurrencies:',
    '  - channel: VOICE',
    '    concurrency: 1',
    '    crossChannelBehavior: ROUTE_ANY_CHANNEL',
    '  - channel: CHAT',
    '    concurrency: 3',
    '    crossChannelBehavior: ROUTE_CURRENT_CHANNEL_ONLY',
    'queues:',
    ...parts.queues.flatMap(([queue, channel, priority, delay]) => [`  - queue: ${queue}`, `    channel: ${channel}`, `    priority: ${priority}`, `    delay: ${delay}`]),
    ...(parts.manualAssignmentQueues ?? []),
    'tags:',
    '  team: support',
    '',
  ].join('\n');
}
