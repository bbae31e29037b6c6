import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/** The fields a selection set asks for, through inline fragments and named fragments alike. */
function fieldsOf(set: SelectionSetNode | undefined, info: GraphQLResolveInfo): FieldNode[] {
  if (!set) return [];
  return set.selections.flatMap((selection): FieldNode[] => {
    if (selection.kind === 'Field') return [selection];
    if (selection.kind === 'InlineFragment') return fieldsOf(selection.selectionSet, info);
    return fieldsOf(info.fragments[selection.name.value]?.selectionSet, info);
  });
}

/**
 * Whether the field being resolved asks, down `path`, for any of `wanted`: for example
 * `asksFor(info, ['edges', 'node'], ['attendedCount'])`. Lets a list fetch something in its own
 * statement only when the client will read it.
 */
export function asksFor(info: GraphQLResolveInfo, path: readonly string[], wanted: readonly string[]): boolean {
  let level = info.fieldNodes.flatMap((node) => fieldsOf(node.selectionSet, info));
  for (const name of path) level = level.filter((field) => field.name.value === name).flatMap((field) => fieldsOf(field.selectionSet, info));
  return level.some((field) => wanted.includes(field.name.value));
}
