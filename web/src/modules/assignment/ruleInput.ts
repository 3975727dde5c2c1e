// What the rule dialog sends (R2): the whole rule for a new one, only what the user changed for
// one that exists, so a save does not put back what someone else changed meanwhile (a rule
// switched off from the list, a member added).
import type { AssignmentMethod, AssignmentRule, AssignmentRuleInput } from '../../api/types';

export interface RuleValues {
  name: string;
  source?: string;
  campaign_id?: number | null;
  method: AssignmentMethod;
  creator_priority: boolean;
  active: boolean;
  members: { user_id?: number; weight?: number | null; daily_cap?: number | null }[];
}

/** The dialog's fields for a rule as read. */
export const ruleValues = (rule: AssignmentRule): RuleValues => ({
  name: rule.name,
  source: rule.source ?? undefined,
  campaign_id: rule.campaign_id,
  method: rule.method,
  creator_priority: rule.creator_priority,
  active: rule.active,
  members: rule.members.map(({ user_id, weight, daily_cap }) => ({ user_id, weight, daily_cap })),
});

/** The rule the fields describe, as the API takes it. */
export const ruleInput = (values: RuleValues): AssignmentRuleInput => ({
  name: values.name,
  source: values.source?.trim() ? values.source.trim() : null,
  campaign_id: values.campaign_id ?? null,
  method: values.method,
  creator_priority: values.creator_priority,
  active: values.active,
  members: values.members
    .filter((m) => m.user_id !== undefined)
    .map((m) => ({ user_id: m.user_id as number, weight: m.weight ?? 1, daily_cap: m.daily_cap ?? null })),
});

/** The members of `values` that differ from `rule` as the dialog read it. */
export function ruleChanges(rule: AssignmentRule, values: RuleValues): Partial<AssignmentRuleInput> {
  const before = ruleInput(ruleValues(rule));
  const after = ruleInput(values);
  return Object.fromEntries(
    Object.entries(after).filter(
      ([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key as keyof AssignmentRuleInput]),
    ),
  );
}
