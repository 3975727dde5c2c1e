-- C4: a failed reminder e-mail is now tried up to 20 times, waiting longer after each try
-- (ReminderRetryDelay), where it was tried 5 times; `attempts` at that limit also marks a
-- reminder given up for good (call over, owner gone, no address). Those stay given up.
UPDATE call_reminders SET attempts = 20 WHERE sent_at IS NULL AND attempts >= 5;
