// Plain data the reader returns: Connect's answers with every field optional, because Search results may omit
// fields (README: Search has no CrossChannelBehavior, Describe has no AssociatedQueueIds) and the SDK drops
// nulls. Mapping them onto LiveState, defensively, is src/live's job. No SDK type leaks past this module.

export interface Page<T> {
  items: T[];
  /** Absent on the last page. */
  nextToken?: string;
}

export interface MediaConcurrencyRecord {
  channel?: string;
  concurrency?: number;
  crossChannelBehavior?: string;
  workloadTypeConcurrencies?: WorkloadTypeRecord[];
}

export interface WorkloadTypeRecord {
  workloadType?: string;
  concurrency?: number;
  crossChannelWorkloadBehavior?: string;
}

export interface RoutingProfileRecord {
  routingProfileId?: string;
  arn?: string;
  name?: string;
  description?: string;
  defaultOutboundQueueId?: string;
  mediaConcurrencies?: MediaConcurrencyRecord[];
  tags?: Record<string, string>;
  agentAvailabilityTimer?: string;
  associatedQueueIds?: string[];
  isDefault?: boolean;
  numberOfAssociatedUsers?: number;
  numberOfAssociatedManualAssignmentQueues?: number;
}

export interface QueueRecord {
  queueId?: string;
  arn?: string;
  name?: string;
}

export interface QueueConfigRecord {
  queueId?: string;
  queueArn?: string;
  queueName?: string;
  channel?: string;
  priority?: number;
  delay?: number;
}

/** One ListRoutingProfileManualAssignmentQueues summary: a queue and channel, no priority, no delay. */
export interface ManualQueueRecord {
  queueId?: string;
  queueArn?: string;
  queueName?: string;
  channel?: string;
}

export interface PageRequest {
  instanceId: string;
  nextToken?: string;
  maxResults?: number;
}

export interface ProfileRequest {
  instanceId: string;
  routingProfileId: string;
}

/** Per-call context: the profile the call is about (for messages) and an abort signal. */
export interface ReadContext {
  profile?: string;
  signal?: AbortSignal;
}

/**
 * Read-only access to Connect. `plan` and `drift` receive only this: there is no method that could change
 * anything, and the implementation refuses any command outside its read allow-list at run time too.
 */
export interface LiveReader {
  searchRoutingProfiles(request: PageRequest & { nameEquals?: string }, ctx?: ReadContext): Promise<Page<RoutingProfileRecord>>;
  describeRoutingProfile(request: ProfileRequest, ctx?: ReadContext): Promise<RoutingProfileRecord>;
  listRoutingProfileQueues(request: ProfileRequest & Omit<PageRequest, 'instanceId'>, ctx?: ReadContext): Promise<Page<QueueConfigRecord>>;
  /** Manual-assignment queues (Worklist): ListRoutingProfileQueues never lists them. */
  listRoutingProfileManualAssignmentQueues(
    request: ProfileRequest & Omit<PageRequest, 'instanceId'>,
    ctx?: ReadContext,
  ): Promise<Page<ManualQueueRecord>>;
  /** Standard queues only (QueueTypes=STANDARD): without it Connect also lists one agent queue per agent. */
  listQueues(request: PageRequest, ctx?: ReadContext): Promise<Page<QueueRecord>>;
}
