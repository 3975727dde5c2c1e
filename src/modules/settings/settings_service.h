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
#include "core/secrets.h"
#include "db/database.h"

namespace sen::settings {

// The password is kept sealed by `box` (a key outside the database); a password sealed with
// another key (a database moved without its key file) is kept as it is, reported
// ("password_unreadable") and refused when sending, until an admin enters it again.
class SettingsService final : public Mailer {
 public:
  SettingsService(db::Database& db, const Clock& clock, const SecretBox& box) : db_(db), clock_(clock), box_(box) {}

  // Seals a password saved in clear by a version before sealing; true when there was one.
  bool SealClearPassword();

  // Admins only. {"host","port","security","username","from","from_name","has_password",
  // "password_unreadable"}; the password is never answered.
  Result<nlohmann::json> Smtp(const Principal& p);
  // Takes what is sent; "password" absent keeps it, "" clears it. 422 naming each wrong field.
  Result<nlohmann::json> SetSmtp(const Principal& p, const nlohmann::json& input);
  // Sends a test message to `to` with the saved settings.
  Status TestSmtp(const Principal& p, const std::string& to);

  Status Send(const MailMessage& message) override;

 private:
  // The settings as kept: the password opened, or, when it cannot be, its sealed text.
  struct Saved {
    SmtpSettings smtp;
    std::string sealed;
    bool unreadable = false;
    bool clear = false;  // saved in clear by an older version
  };
  std::optional<Saved> Load(db::Transaction& tx);
  static nlohmann::json Public(const Saved& saved);
  void Store(db::Transaction& tx, const Saved& saved, Millis now);

  db::Database& db_;
  const Clock& clock_;
  const SecretBox& box_;
};

}  // namespace sen::settings
