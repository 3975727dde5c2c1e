// Random tokens, token hashes and password hashes (libsodium).
#pragma once

#include <string>
#include <string_view>

namespace sen {

// Must run once before any other function here; safe to call again.
void InitSecrets();

// `bytes` random bytes as URL-safe base64 without padding.
std::string RandomToken(std::size_t bytes = 32);
// SHA-256 as lower-case hex: how session and API tokens are stored.
std::string Sha256Hex(std::string_view data);
// argon2id at libsodium's interactive limits (~90 ms on this class of machine).
std::string HashPassword(std::string_view password);
bool VerifyPassword(std::string_view hash, std::string_view password);
// Constant-time equality for secrets.
bool SecretsEqual(std::string_view a, std::string_view b);

}  // namespace sen
