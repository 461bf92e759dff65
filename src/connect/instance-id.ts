// Users may paste the instance ARN (the console shows it first); every Connect call wants the bare ID.
import { UserInputError } from '../errors.js';

// arn:<partition>:connect:<region>:<account>:instance/<id> (partitions: aws, aws-cn, aws-us-gov, ...).
// Region and account are read from the prefix alone; the ID must be the whole rest.
const INSTANCE_ARN_PREFIX = /^arn:[a-z-]+:connect:([a-z0-9-]*):(\d{12}):instance\//;
const INSTANCE_ARN = new RegExp(`${INSTANCE_ARN_PREFIX.source}([^/]+)$`);

/**
 * Connect's InstanceId is 1..100 characters (the API model); real ones are UUIDs. Spaces and control characters
 * are a paste gone wrong, refused before any call rather than sent in a URL and answered "not found".
 */
const INSTANCE_ID = /^[\x21-\x7e]{1,100}$/;

function checkedId(id: string, as: string): string {
  if (!INSTANCE_ID.test(id)) {
    throw new UserInputError(
      `${JSON.stringify(as)} is not an Amazon Connect instance ID: 1 to 100 printable characters without spaces.`,
      [],
      'Pass the instance ID (a UUID, shown in the console) or its ARN.',
    );
  }
  return id;
}

/** The instance ID from an ID or an instance ARN. */
export function instanceIdFrom(idOrArn: string): string {
  const value = idOrArn.trim();
  if (value === '') throw new UserInputError('The instance ID is empty.', [], 'Pass --instance-id (an instance ID or ARN) or set CONNECT_INSTANCE_ID.');
  if (!value.startsWith('arn:')) return checkedId(value, value);
  const match = INSTANCE_ARN.exec(value);
  if (!match?.[3]) {
    throw new UserInputError(
      `"${value}" is not an Amazon Connect instance ARN.`,
      [],
      'Pass the instance ID, or its ARN in the form arn:aws:connect:<region>:<account>:instance/<id>.',
    );
  }
  return checkedId(match[3], value);
}

/** The Region an instance ARN names, or undefined for a bare ID (used when no --region is given). */
export function regionFromInstanceArn(idOrArn: string): string | undefined {
  return INSTANCE_ARN_PREFIX.exec(idOrArn.trim())?.[1] || undefined;
}

/** The AWS account an instance ARN names, or undefined for a bare ID (quotas are per account and Region). */
export function accountFromInstanceArn(idOrArn: string): string | undefined {
  return INSTANCE_ARN_PREFIX.exec(idOrArn.trim())?.[2];
}
