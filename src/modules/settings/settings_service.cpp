// SMTP settings: one JSON value in app_settings (the password sealed), checked field by field,
// audited.
#include "modules/settings/settings_service.h"

#include "modules/audit/audit.h"
#include "text/fold.h"

namespace sen::settings {

namespace {

using nlohmann::json;

constexpr std::string_view kSmtpKey = "smtp";
constexpr std::string_view kGet = "SELECT value FROM app_settings WHERE key = ?";
constexpr std::string_view kPut = R"~(
INSERT INTO app_settings (key, value, updated_at) VALUES (?, ?, ?)
ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at)~";

Error AdminsOnly() { return Error::Forbidden("only admins see and change the e-mail settings"); }

bool LooksLikeAddress(const std::string& s) {
  const auto at = s.find('@');
  return s.size() <= 254 && at != std::string::npos && at > 0 && s.find('.', at) != std::string::npos &&
         s.find_first_of(" <>\r\n,;") == std::string::npos;
}

json Fields(const SmtpSettings& s) {
  return {{"host", s.host},         {"port", s.port}, {"security", s.security},
          {"username", s.username}, {"from", s.from}, {"from_name", s.from_name}};
}

}  // namespace

std::optional<SettingsService::Saved> SettingsService::Load(db::Transaction& tx) {
  std::optional<Saved> out;
  tx.Query(kGet, {kSmtpKey}, [&](const db::Row& r) {
    const json j = json::parse(r.Str(0), nullptr, false);
    Saved& saved = out.emplace();
    SmtpSettings& s = saved.smtp;
    s.host = j.value("host", "");
    s.port = j.value("port", 587);
    s.security = j.value("security", "starttls");
    s.username = j.value("username", "");
    s.from = j.value("from", "");
    s.from_name = j.value("from_name", "Sen");
    saved.sealed = j.value("password_sealed", "");
    if (!saved.sealed.empty()) {
      auto opened = box_.Open(saved.sealed);
      saved.unreadable = !opened;
      s.password = opened.value_or("");
    } else {
      s.password = j.value("password", "");
      saved.clear = !s.password.empty();
    }
  });
  return out;
}

void SettingsService::Store(db::Transaction& tx, const Saved& saved, Millis now) {
  json stored = Fields(saved.smtp);
  if (saved.unreadable) {
    stored["password_sealed"] = saved.sealed;  // kept for the key it was sealed with
  } else if (!saved.smtp.password.empty()) {
    stored["password_sealed"] = box_.Seal(saved.smtp.password);
  }
  tx.Execute(kPut, {kSmtpKey, stored.dump(), now});
}

json SettingsService::Public(const Saved& saved) {
  json out = Fields(saved.smtp);
  out["has_password"] = saved.unreadable || !saved.smtp.password.empty();
  out["password_unreadable"] = saved.unreadable;
  return out;
}

bool SettingsService::SealClearPassword() {
  {  // every start comes here: the writer is taken only when there is something to seal
    auto read = db_.BeginRead();
    auto saved = Load(*read);
    if (!saved || !saved->clear) return false;
  }
  auto tx = db_.BeginWrite();
  auto saved = Load(*tx);
  if (!saved || !saved->clear) return false;
  Store(*tx, *saved, clock_.Now());
  tx->Commit();
  return true;
}

Result<json> SettingsService::Smtp(const Principal& p) {
  if (p.role != Role::kAdmin) return AdminsOnly();
  auto tx = db_.BeginRead();
  return Public(Load(*tx).value_or(Saved{}));
}

Result<json> SettingsService::SetSmtp(const Principal& p, const json& input) {
  if (p.role != Role::kAdmin) return AdminsOnly();
  const Millis now = clock_.Now();
  auto tx = db_.BeginWrite();
  Saved saved = Load(*tx).value_or(Saved{});
  SmtpSettings& s = saved.smtp;
  const std::string host_before = s.host;
  FieldErrors errors;
  auto text = [&](const std::string& key, const json& v, std::size_t max) -> std::optional<std::string> {
    if (!v.is_string() || v.get_ref<const std::string&>().size() > max) {
      errors.Add(key, "must be text of at most " + std::to_string(max) + " bytes", "wrong_type");
      return std::nullopt;
    }
    return key == "password" ? v.get<std::string>() : text::Tidy(v.get<std::string>());
  };
  for (const auto& [key, value] : input.items()) {
    if (key == "host") {
      if (auto t = text(key, value, 253)) s.host = *t;
    } else if (key == "port") {
      if (!value.is_number_integer() || value.get<std::int64_t>() < 1 || value.get<std::int64_t>() > 65535) {
        errors.Add(key, "must be a port number from 1 to 65535", "out_of_range");
      } else {
        s.port = value.get<int>();
      }
    } else if (key == "security") {
      if (value != "none" && value != "starttls" && value != "tls") {
        errors.Add(key, "must be none, starttls or tls", "unknown_value");
      } else {
        s.security = value.get<std::string>();
      }
    } else if (key == "username") {
      if (auto t = text(key, value, 200)) s.username = *t;
    } else if (key == "password") {
      if (auto t = text(key, value, 500)) {
        s.password = *t;
        saved.unreadable = false;
      }
    } else if (key == "from") {
      if (auto t = text(key, value, 254)) s.from = *t;
    } else if (key == "from_name") {
      if (auto t = text(key, value, 100)) s.from_name = *t;
    } else if (key != "has_password" && key != "password_unreadable") {
      errors.Add(key, "is not an e-mail setting", "unknown_field");
    }
  }
  if (s.host.empty() && !errors.Has("host")) errors.Add("host", "is required", "required");
  // The saved password is the old server's: a new host gets it only when it is entered again,
  // and one nobody signs in to keeps none.
  if (!s.password.empty() && !host_before.empty() && text::Fold(s.host) != text::Fold(host_before) &&
      !input.contains("password")) {
    if (s.username.empty()) {
      s.password.clear();
    } else if (!errors.Has("password")) {
      errors.Add("password", "is needed again for the new server " + s.host, "reenter");
    }
  }
  if (!LooksLikeAddress(s.from) && !errors.Has("from")) {
    errors.Add("from", "must be an e-mail address such as crm@example.vn", "invalid_email");
  }
  if (!errors.empty()) return errors.ToError();
  Store(*tx, saved, now);
  audit::Record(*tx, audit::ActorOf(p), "settings", 0, {{"update", "smtp", std::nullopt, Public(saved).dump()}}, now);
  tx->Commit();
  return Public(saved);
}

Status SettingsService::TestSmtp(const Principal& p, const std::string& to) {
  if (p.role != Role::kAdmin) return AdminsOnly();
  if (!LooksLikeAddress(to)) return Error::Field("to", "must be an e-mail address", "invalid_email");
  return Send({to, "Sen: thư thử / test message",
               "Máy chủ e-mail của Sen đã gửi được thư này.\nSen's e-mail server sent this message.\n"});
}

Status SettingsService::Send(const MailMessage& message) {
  std::optional<Saved> saved;
  {
    auto tx = db_.BeginRead();
    saved = Load(*tx);
  }
  if (saved && saved->unreadable) {
    return Error::Conflict(
        "the saved SMTP password was sealed with another secret key (SEN_SECRET_KEY_FILE): an admin enters it "
        "again on the e-mail settings page",
        "smtp_password_sealed");
  }
  return SendMail(saved.value_or(Saved{}).smtp, message, clock_.Now());
}

}  // namespace sen::settings
