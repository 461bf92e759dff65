// One Connect instance's routing profiles and queues, in memory. Handlers run synchronously on Node's single
// thread, so each request's checks and writes are atomic with respect to every other request.
import type { EmulatorStateSnapshot, StoredProfile, StoredQueue } from './types.js';
import { LIMITS } from '../vocabulary.js';

/** The account emulated ARNs carry unless a seed names another (the documentation's example account). */
export const DEFAULT_ACCOUNT_ID = '123456789012';
/** An AWS account ID is 12 digits. */
export const ACCOUNT_ID_PATTERN = /^\d{12}$/;
export const DEFAULT_REGION = 'us-east-1';

export class Store {
  readonly queues = new Map<string, StoredQueue>();
  readonly profiles = new Map<string, StoredProfile>();
  /** Emulator-clock time before which a new profile is invisible to reads (eventual consistency). */
  readonly visibleAt = new Map<string, number>();
  instanceTags: Record<string, string> = {};
  /** The instance's routing-profile quota: Connect's default, or what AWS raised it to (EmulatorOptions). */
  profileQuota: number = LIMITS.profilesPerInstance;
  private seq = 1;

  constructor(
    readonly instanceId: string,
    readonly region: string,
    private readonly newUuid: () => string,
    readonly accountId: string = DEFAULT_ACCOUNT_ID,
  ) {}

  get instanceArn(): string {
    return `arn:aws:connect:${this.region}:${this.accountId}:instance/${this.instanceId}`;
  }
  profileArn(id: string): string {
    return `${this.instanceArn}/routing-profile/${id}`;
  }
  queueArn(id: string): string {
    return `${this.instanceArn}/queue/${id}`;
  }

  nextSeq(): number {
    return this.seq++;
  }

  /** A fresh resource ID; a seeded generator restarted over restored state could repeat one, so check. */
  newId(): string {
    for (;;) {
      const id = this.newUuid();
      if (!this.queues.has(id) && !this.profiles.has(id)) return id;
    }
  }

  profileByName(name: string): StoredProfile | undefined {
    for (const p of this.profiles.values()) if (p.name === name) return p;
    return undefined;
  }

  queueByName(name: string): StoredQueue | undefined {
    for (const q of this.queues.values()) if (q.name === name) return q;
    return undefined;
  }

  /** Whether reads can see the profile yet at emulator time `now`. */
  isVisible(id: string, now: number): boolean {
    return (this.visibleAt.get(id) ?? 0) <= now;
  }

  snapshot(): EmulatorStateSnapshot {
    // A JSON round trip so that callers can neither see later changes nor change the store.
    return JSON.parse(
      JSON.stringify({
        formatVersion: 1,
        instanceId: this.instanceId,
        accountId: this.accountId,
        instanceArn: this.instanceArn,
        region: this.region,
        instanceTags: this.instanceTags,
        queues: [...this.queues.values()],
        profiles: [...this.profiles.values()],
        nextSeq: this.seq,
      } satisfies EmulatorStateSnapshot),
    ) as EmulatorStateSnapshot;
  }

  /** State files written before a field existed restore with that field's neutral value. */
  static restore(s: EmulatorStateSnapshot, newUuid: () => string): Store {
    const accountId = s.accountId ?? /^arn:aws:connect:[^:]*:(\d{12}):/.exec(s.instanceArn)?.[1] ?? DEFAULT_ACCOUNT_ID;
    const store = new Store(s.instanceId, s.region, newUuid, accountId);
    store.instanceTags = { ...s.instanceTags };
    for (const q of s.queues) store.queues.set(q.queueId, structuredClone(q));
    for (const p of s.profiles) {
      const profile = structuredClone(p);
      profile.manualAssignmentQueues ??= [];
      profile.associatedUsers ??= 0;
      profile.isDefault ??= false;
      store.profiles.set(p.routingProfileId, profile);
    }
    store.seq = s.nextSeq;
    return store;
  }
}
