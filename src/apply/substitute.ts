// "Known after create": calls after a create in the same change carry placeholders (plan/types.ts) that are
// replaced here by what CreateRoutingProfile returned (or what adoption found). The two placeholders have the
// same text, so substitution goes by field: RoutingProfileId takes the ID, resourceArn takes the ARN.
import { InternalError } from '../errors.js';
import { CREATED_PROFILE_ARN, CREATED_PROFILE_ID, type Call } from '../plan/types.js';
import type { ProfileState } from './context.js';

export function substitute(call: Call, state: ProfileState): Call {
  switch (call.operation) {
    case 'CreateRoutingProfile':
      return call;
    case 'TagResource':
    case 'UntagResource': {
      if (call.input.resourceArn !== CREATED_PROFILE_ARN) return call;
      return { ...call, input: { ...call.input, resourceArn: known(state.routingProfileArn, 'ARN', state.name) } } as Call;
    }
    default: {
      if (call.input.RoutingProfileId !== CREATED_PROFILE_ID) return call;
      return { ...call, input: { ...call.input, RoutingProfileId: known(state.routingProfileId, 'ID', state.name) } } as Call;
    }
  }
}

function known(value: string | undefined, what: string, name: string): string {
  if (!value) throw new InternalError(`routing profile "${name}": a call needs the created profile's ${what}, which is not known`);
  return value;
}
