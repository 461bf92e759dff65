// Profile documents shared by the end-to-end tests, in the file format of profiles/.
import { dump } from 'js-yaml';
import type { ProfileDocument } from '../../src/desired/document.js';

export const QUEUE_IDS: Record<string, string> = {
  BasicQueue: 'q-basic',
  Sales: 'q-sales',
  Support: 'q-support',
  Billing: 'q-billing',
  Escalations: 'q-escalations',
  'Email Inbound': 'q-email',
  Callbacks: 'q-callbacks',
};

export const SEED_QUEUES = Object.entries(QUEUE_IDS).map(([name, queueId]) => ({ name, queueId }));

/** Twenty extra queues, for profiles with many queue configs. */
export const MANY_QUEUES = Array.from({ length: 20 }, (_, i) => ({ name: `Overflow ${String(i + 1).padStart(2, '0')}`, queueId: `q-overflow-${i + 1}` }));

/** A profile document in the file format of profiles/ (the shape the schema guarantees). */
export type ProfileDoc = ProfileDocument;

export function support(overrides: Partial<ProfileDoc> = {}): ProfileDoc {
  return {
    name: 'Tier1 Support',
    description: 'Frontline agents',
    defaultOutboundQueue: 'BasicQueue',
    mediaConcurrencies: [
      { channel: 'VOICE', concurrency: 1, crossChannelBehavior: 'ROUTE_ANY_CHANNEL' },
      { channel: 'CHAT', concurrency: 3 },
    ],
    queues: [
      { queue: 'Support', channel: 'VOICE', priority: 1, delay: 0 },
      { queue: 'Support', channel: 'CHAT', priority: 2, delay: 30 },
    ],
    tags: { team: 'support' },
    ...overrides,
  };
}

export function toYaml(...docs: ProfileDoc[]): string {
  return docs.map((d) => dump(d, { lineWidth: 200 })).join('---\n');
}
