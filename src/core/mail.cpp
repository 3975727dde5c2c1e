// SMTP with libcurl: it speaks the protocol (EHLO, STARTTLS, AUTH, dot-stuffing); this file
// writes the message and the settings into it.
#include "core/mail.h"

#include <curl/curl.h>
#include <sodium.h>

#include <algorithm>
#include <memory>
#include <string_view>

#include "core/secrets.h"

namespace sen {

namespace {

std::string Base64(std::string_view data) {
  std::string out(sodium_base64_ENCODED_LEN(data.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

// RFC 2047: plain ASCII stays as it is; anything else becomes one or more UTF-8 base64 words
// (each at most 75 characters, split between whole characters).
std::string EncodedWords(std::string_view text) {
  bool ascii = true;
  for (unsigned char c : text) ascii = ascii && c >= 0x20 && c < 0x7f;
  if (ascii) return std::string(text);
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = std::min(text.size(), start + 45);  // 45 bytes -> 60 base64 characters
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + Base64(text.substr(start, end - start)) + "?=";
    start = end;
  }
  return out;
}

// A display name: encoded words when not plain ASCII, a quoted string when it holds characters
// that mean something in an address ("Sen, Inc." would read as two mailboxes), else as it is.
std::string DisplayName(std::string_view name) {
  constexpr std::string_view kSpecials = "()<>[]:;@\\,.\"";
  const bool plain = std::all_of(name.begin(), name.end(), [](unsigned char c) { return c >= 0x20 && c < 0x7f; });
  if (!plain) return EncodedWords(name);
  std::string out;
  const bool quote = name.find_first_of(kSpecials) != std::string_view::npos;
  if (quote) out.push_back('"');
  for (char c : name) {
    if (quote && (c == '"' || c == '\\')) out.push_back('\\');
    out.push_back(c);
  }
  if (quote) out.push_back('"');
  return out;
}

std::string RfcDate(Millis t) {
  static constexpr const char* kDays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::string iso = FormatRfc3339(t);  // 2026-11-30T05:03:40Z
  const int month = std::stoi(iso.substr(5, 2));
  const std::int64_t days = t / 86'400'000;
  return std::string(kDays[((days % 7) + 7) % 7]) + ", " + iso.substr(8, 2) + " " + kMonths[month - 1] + " " +
         iso.substr(0, 4) + " " + iso.substr(11, 8) + " +0000";
}

struct Upload {
  std::string_view data;
  std::size_t at = 0;
};

std::size_t ReadUpload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const std::size_t n = std::min(size * count, upload->data.size() - upload->at);
  std::copy_n(upload->data.data() + upload->at, n, buffer);
  upload->at += n;
  return n;
}

}  // namespace

std::string FormatMail(const MailMessage& message, const SmtpSettings& settings, Millis date,
                       const std::string& message_id) {
  std::string out;
  out += "Date: " + RfcDate(date) + "\r\n";
  out += "From: " + DisplayName(settings.from_name) + " <" + settings.from + ">\r\n";
  out += "To: <" + message.to + ">\r\n";
  out += "Subject: " + EncodedWords(message.subject) + "\r\n";
  out += "Message-ID: <" + message_id + ">\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: text/plain; charset=UTF-8\r\n";
  out += "Content-Transfer-Encoding: base64\r\n\r\n";
  const std::string body = Base64(message.body);
  for (std::size_t i = 0; i < body.size(); i += 76) out += body.substr(i, 76) + "\r\n";
  return out;
}

Status SendMail(const SmtpSettings& settings, const MailMessage& message, Millis now) {
  if (settings.host.empty() || settings.from.empty()) {
    return Error::Conflict("no SMTP server is set up: an admin sets one on the e-mail settings page",
                           "smtp_not_set_up");
  }
  const std::string domain = settings.from.substr(settings.from.find('@') + 1);
  const std::string text = FormatMail(message, settings, now, RandomToken(12) + "@" + domain);
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) return Error::Conflict("could not start an SMTP connection", "smtp_failed");
  const std::string url =
      (settings.security == "tls" ? "smtps://" : "smtp://") + settings.host + ":" + std::to_string(settings.port);
  const std::string from = "<" + settings.from + ">";
  curl_slist* rcpt = curl_slist_append(nullptr, ("<" + message.to + ">").c_str());
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> recipients(rcpt, curl_slist_free_all);
  Upload upload{text};
  char error[CURL_ERROR_SIZE] = "";
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(c, CURLOPT_READFUNCTION, ReadUpload);
  curl_easy_setopt(c, CURLOPT_READDATA, &upload);
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(kMailTimeout));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  if (settings.security == "starttls") curl_easy_setopt(c, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  if (!settings.username.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, settings.username.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, settings.password.c_str());
  }
  const CURLcode code = curl_easy_perform(c);
  if (code != CURLE_OK) {
    const std::string detail = *error ? error : curl_easy_strerror(code);
    return Error::Conflict("the SMTP server did not take the message: " + detail, "smtp_refused", {{"detail", detail}});
  }
  return {};
}

}  // namespace sen
