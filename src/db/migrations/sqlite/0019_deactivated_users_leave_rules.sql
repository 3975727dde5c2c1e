-- R2: a deactivated user leaves every assignment rule. Kept as a member, they showed on the rules
-- page (no lead went to them), and the rule could not be saved as the page read it, since a rule
-- takes no deactivated member. Their turn state stays in the rule's state: coming back the same
-- day, re-added, they keep today's count.
DELETE FROM assignment_rule_members WHERE user_id IN (SELECT id FROM users WHERE active = 0);
CREATE TRIGGER users_deactivated_leave_rules AFTER UPDATE OF active ON users
WHEN NEW.active = 0 AND OLD.active = 1
BEGIN
  DELETE FROM assignment_rule_members WHERE user_id = NEW.id;
END;
