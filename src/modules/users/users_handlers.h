// HTTP routes of the users module: /api/auth, /api/users, /api/teams, /api/api-tokens.
#pragma once

#include "http/router.h"
#include "modules/users/user_service.h"

namespace sen::users {

void RegisterRoutes(http::Router& router, UserService& service);
// Resolves the caller from "Authorization: Bearer ..." or the session cookie.
http::Router::Authenticator MakeAuthenticator(UserService& service);

}  // namespace sen::users
