// E-mail through an SMTP server (libcurl): the settings an admin gives, a message in UTF-8, and
// the RFC 5322 text that goes over the wire.
#pragma once

#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"

namespace sen {

struct SmtpSettings {
  std::string host;
  int port = 587;
  std::string security = "starttls";  // none | starttls | tls
  std::string username;
  std::string password;
  std::string from;  // the sender's address
  std::string from_name = "Sen";
};

struct MailMessage {
  std::string to;
  std::string subject;  // UTF-8
  std::string body;     // UTF-8 plain text
};

// Who sends the messages of a module (an SMTP server configured at run time, or a test double).
class Mailer {
 public:
  virtual ~Mailer() = default;
  // 409 naming the setting when the server is not configured; 502-like conflicts carry the
  // server's answer.
  virtual Status Send(const MailMessage& message) = 0;
};

// The message as sent: headers (the subject and name in RFC 2047 base64 words, so Vietnamese
// survives every server), CRLF line ends, the body base64 in lines of 76.
std::string FormatMail(const MailMessage& message, const SmtpSettings& settings, Millis date,
                       const std::string& message_id);

// The longest one message may take to send, connecting included.
constexpr Millis kMailTimeout = 30'000;

// Failures in a row that mean the server, not an address, is the trouble: a run that sends many
// messages sends no more until its next turn (a dead server would cost a connect timeout each).
constexpr int kMailFailuresInARow = 3;

// Sends one message; an error says what the server or the connection answered.
Status SendMail(const SmtpSettings& settings, const MailMessage& message, Millis now);

}  // namespace sen
