import { registerEnumType } from 'type-graphql';
import { VULNERABLE_GROUP_CODES, type VulnerableGroupCode } from '@waymark/domain';

/** The groups as a GraphQL enum: names and values are the domain's codes (SEN_SUPPORT, EHCP ...). */
export const VulnerableGroupEnum = Object.fromEntries(Object.values(VULNERABLE_GROUP_CODES).map((code) => [code, code])) as {
  [C in VulnerableGroupCode]: C;
};
registerEnumType(VulnerableGroupEnum, { name: 'VulnerableGroup' });
