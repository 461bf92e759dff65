// Terraform's confirmation: only the exact word "yes" applies.
import { createInterface } from 'node:readline/promises';

export async function confirmApply(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stderr): Promise<boolean> {
  const rl = createInterface({ input, output });
  try {
    const answer = await rl.question(
      '\nDo you want to perform these actions?\n  connect-gitops will perform the actions described above.\n  Only \'yes\' will be accepted to approve.\n\n  Enter a value: ',
    );
    return answer.trim() === 'yes';
  } finally {
    rl.close();
  }
}
