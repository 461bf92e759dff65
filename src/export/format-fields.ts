// Which optional fields the profile file format of this build holds, read from its JSON Schema. The format
// grows field by field (manualAssignmentQueues, workloadTypes); export writes a field only when the loader
// accepts it, so an exported file always loads. A field the format does not hold is left out of the file,
// which the ownership rule reads as "not managed": plan then leaves the live value as it is, so the round trip
// stays exact either way.
import schema from '../../schema/routing-profile.schema.json' with { type: 'json' };

export interface FormatFields {
  manualAssignmentQueues: boolean;
  workloadTypes: boolean;
}

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}

function has(node: SchemaNode | undefined, ...path: string[]): boolean {
  let at = node;
  for (const step of path) {
    at = step === '[]' ? at?.items : at?.properties?.[step];
    if (at === undefined) return false;
  }
  return true;
}

export function formatFields(root: SchemaNode = schema as SchemaNode): FormatFields {
  return {
    manualAssignmentQueues: has(root, 'manualAssignmentQueues'),
    workloadTypes: has(root, 'mediaConcurrencies', '[]', 'workloadTypes'),
  };
}
