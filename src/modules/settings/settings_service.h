// Settings an admin changes at run time (A4's first part: the SMTP server of C4 e-mails), and
// the mailer that sends through them.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/error.h"
#include "core/mail.h"
#include "core/principal.h"
#include "db/database.h"

namespace sen::settings {

class SettingsService final : public Mailer {
 public:
  SettingsService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Admins only. {"host","port","security","username","from","from_name","has_password"}; the
  // password is never answered.
  Result<nlohmann::json> Smtp(const Principal& p);
  // Takes what is sent; "password" absent keeps it, "" clears it. 422 naming each wrong field.
  Result<nlohmann::json> SetSmtp(const Principal& p, const nlohmann::json& input);
  // Sends a test message to `to` with the saved settings.
  Status TestSmtp(const Principal& p, const std::string& to);

  Status Send(const MailMessage& message) override;

 private:
  std::optional<SmtpSettings> Load(db::Transaction& tx);

  db::Database& db_;
  const Clock& clock_;
};

}  // namespace sen::settings
