// Users may paste the instance ARN (the console shows it first); every Connect call wants the bare ID.
import { UserInputError } from '../errors.js';

// arn:<partition>:connect:<region>:<account>:instance/<id> (partitions: aws, aws-cn, aws-us-gov, ...).
const INSTANCE_ARN = /^arn:[a-z-]+:connect:[a-z0-9-]*:\d{12}:instance\/([^/]+)$/;

/** The instance ID from an ID or an instance ARN. */
export function instanceIdFrom(idOrArn: string): string {
  const value = idOrArn.trim();
  if (value === '') throw new UserInputError('The instance ID is empty.', [], 'Pass --instance-id (an instance ID or ARN) or set CONNECT_INSTANCE_ID.');
  if (!value.startsWith('arn:')) return value;
  const match = INSTANCE_ARN.exec(value);
  if (!match?.[1]) {
    throw new UserInputError(
      `"${value}" is not an Amazon Connect instance ARN.`,
      [],
      'Pass the instance ID, or its ARN in the form arn:aws:connect:<region>:<account>:instance/<id>.',
    );
  }
  return match[1];
}

/** The Region an instance ARN names, or undefined for a bare ID (used when no --region is given). */
export function regionFromInstanceArn(idOrArn: string): string | undefined {
  const match = /^arn:[a-z-]+:connect:([a-z0-9-]+):\d{12}:instance\//.exec(idOrArn.trim());
  return match?.[1] || undefined;
}

/** The AWS account an instance ARN names, or undefined for a bare ID (quotas are per account and Region). */
export function accountFromInstanceArn(idOrArn: string): string | undefined {
  return /^arn:[a-z-]+:connect:[a-z0-9-]*:(\d{12}):instance\//.exec(idOrArn.trim())?.[1];
}
