// A Mailer for tests: keeps what it was asked to send, and can stand for a server that is down,
// refuses some addresses, or is slow (it moves a manual clock on at every message, or lets
// something happen while it sends).
#pragma once

#include <functional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/mail.h"

namespace sen {

class FakeMailer final : public Mailer {
 public:
  Status Send(const MailMessage& message) override {
    tried.push_back(message);
    if (clock) clock->Advance(takes);
    if (while_sending) std::exchange(while_sending, nullptr)();
    if (down) return Error::Conflict("could not connect to the SMTP server", "smtp_failed");
    if (refused.count(message.to) > 0) {
      return Error::Conflict("550 mailbox unavailable", "smtp_refused", {{"detail", "550 mailbox unavailable"}});
    }
    return {};
  }
  bool down = false;
  std::set<std::string> refused;
  ManualClock* clock = nullptr;  // moved on by `takes` at every message: a slow server
  Millis takes = 0;
  std::function<void()> while_sending;  // once, at the next message: what happens meanwhile
  std::vector<MailMessage> tried;
};

}  // namespace sen
