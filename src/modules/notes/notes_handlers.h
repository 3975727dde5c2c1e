// HTTP routes of notes: /api/notes.
#pragma once

#include "http/router.h"
#include "modules/notes/note_service.h"

namespace sen::notes {

void RegisterRoutes(http::Router& router, NoteService& service);

}  // namespace sen::notes
